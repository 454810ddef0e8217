namespace ContentMachine.Cli;

/// <summary>Where <c>cm</c> writes and what it reads from its process: the consoles (Spectre, for people), the raw
/// writers (JSON and plain lines, for scripts), environment variables, and whether stdout is a terminal. Tests build
/// one over string writers.</summary>
public sealed record CliHost(IAnsiConsole Console, IAnsiConsole ErrorConsole, TextWriter Out, TextWriter Error,
    Func<string, string?> Environment, bool IsTerminal)
{
    /// <summary>Where nothing wraps a line: an error message stays one line in a log.</summary>
    private const int UnwrappedWidth = 4096;

    /// <summary>Tables sent to a pipe or file: wide enough that ids and titles stay on their lines.</summary>
    private const int PipedWidth = 200;

    public static CliHost FromProcess()
    {
        var error = System.Console.IsErrorRedirected
            ? ConsoleOver(System.Console.Error, false, UnwrappedWidth)
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        var console = System.Console.IsOutputRedirected ? ConsoleOver(System.Console.Out, false, PipedWidth) : AnsiConsole.Console;
        return new(console, error, System.Console.Out, System.Console.Error, System.Environment.GetEnvironmentVariable,
            !System.Console.IsOutputRedirected);
    }

    /// <summary>Consoles over plain writers: no colours, a wide fixed width; live displays only when <paramref name="isTerminal"/>.</summary>
    public static CliHost Create(TextWriter output, TextWriter error, Func<string, string?> environment, bool isTerminal = false) =>
        new(ConsoleOver(output, isTerminal, PipedWidth), ConsoleOver(error, false, UnwrappedWidth), output, error, environment, isTerminal);

    private static IAnsiConsole ConsoleOver(TextWriter writer, bool interactive, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }
}
