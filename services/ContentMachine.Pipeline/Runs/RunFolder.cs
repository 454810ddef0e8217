namespace ContentMachine.Pipeline.Runs;

/// <summary>A run's private temporary folder, removed when the work stops however it stops.</summary>
public sealed class RunFolder : IDisposable
{
    private RunFolder(string path) => Path = path;

    public string Path { get; }

    public static RunFolder Create(string root, Guid runId, int attempt)
    {
        var path = System.IO.Path.Combine(root, $"{runId:N}-{attempt}-{Guid.NewGuid():N}"[..50]);
        Directory.CreateDirectory(path);
        return new RunFolder(path);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
