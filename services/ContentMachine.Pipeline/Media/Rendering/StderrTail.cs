namespace ContentMachine.Pipeline.Media.Rendering;

/// <summary>The last lines a process wrote to stderr: enough to explain a failure, bounded however much it writes.</summary>
public sealed class StderrTail(int capacity = 30)
{
    private readonly Queue<string> _lines = new();

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity) _lines.Dequeue();
        }
    }

    public override string ToString()
    {
        lock (_lines) return string.Join('\n', _lines);
    }
}
