namespace ContentMachine.Pipeline.Tests;

/// <summary>A private folder for one test's files, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("cm-media-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { } // a file still open by a killed process: the OS temp cleaner gets it
    }
}
