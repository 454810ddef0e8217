namespace ContentMachine.AppHost.Console;

/// <summary>The last lines of every resource's output, bounded per resource, for error reports and the dashboard.</summary>
public sealed class ResourceLogs(int capacityPerResource = 2000)
{
    private readonly Dictionary<string, Queue<LogLine>> _lines = [];

    public event Action<LogLine>? LineWritten;

    private long _sequence;

    public void Write(string resource, string text, bool isError = false)
    {
        LogLine line;
        lock (_lines)
        {
            line = new LogLine(resource, DateTimeOffset.UtcNow, text, isError, ++_sequence);
            if (!_lines.TryGetValue(resource, out var queue)) _lines[resource] = queue = new Queue<LogLine>();
            if (queue.Count == capacityPerResource) queue.Dequeue();
            queue.Enqueue(line);
        }
        LineWritten?.Invoke(line);
    }

    public IReadOnlyList<LogLine> Tail(string resource, int count = int.MaxValue)
    {
        lock (_lines)
            return _lines.TryGetValue(resource, out var queue) ? queue.Skip(Math.Max(0, queue.Count - count)).ToList() : [];
    }
}
