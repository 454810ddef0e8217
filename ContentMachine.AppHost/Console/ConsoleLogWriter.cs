namespace ContentMachine.AppHost.Console;

/// <summary>Writes every resource's output to the AppHost's console, each line prefixed with the resource's name in its
/// own colour (plain text when the output is redirected or NO_COLOR is set). Lines are never wrapped or cut.</summary>
public sealed class ConsoleLogWriter(TextWriter output, bool color, int nameWidth = 13)
{
    private static readonly int[] Palette = [36, 32, 33, 35, 94, 96, 92, 93, 95, 34];

    private readonly Dictionary<string, int> _colors = [];
    private readonly Lock _gate = new();

    public ConsoleLogWriter()
        : this(System.Console.Out, !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null)
    {
    }

    public void Write(LogLine line)
    {
        var text = LogLineRenderer.Render(line.Text);
        lock (_gate)
        {
            if (!_colors.TryGetValue(line.Resource, out var code))
                _colors[line.Resource] = code = line.Resource == Hosting.StackContext.AppHostResource ? 97 : Palette[_colors.Count % Palette.Length];
            var prefix = line.Resource.PadRight(nameWidth);
            foreach (var part in text.Split('\n'))
                output.WriteLine(color ? $"\u001b[{code}m{prefix}\u001b[0m \u001b[90m|\u001b[0m {part.TrimEnd('\r')}" : $"{prefix} | {part.TrimEnd('\r')}");
        }
    }
}
