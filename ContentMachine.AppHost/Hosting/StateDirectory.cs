using System.Security.Cryptography;
using System.Text;
using ContentMachine.AppHost.Processes;

namespace ContentMachine.AppHost.Hosting;

/// <summary>The one folder that holds a stack's data between runs (databases, broker, objects, secrets), plus the
/// lock that keeps two AppHosts from sharing it.</summary>
public sealed class StateDirectory : IDisposable
{
    private FileStream? _lock;

    public StateDirectory(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }
    public string RunDirectory => Path.Combine(Root, "run");
    public string ProcessFile => Path.Combine(RunDirectory, "processes.json");
    public string For(string resource) => Path.Combine(Root, resource);

    /// <summary>Takes the folder for this process; fails when another AppHost holds it.</summary>
    public void Acquire()
    {
        Directory.CreateDirectory(RunDirectory);
        var lockPath = Path.Combine(RunDirectory, "apphost.lock");
        try
        {
            _lock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new InvalidOperationException(
                $"Another AppHost is using the state folder {Root}. Stop it first, or give this one its own folder with --state.");
        }
        _lock.SetLength(0);
        _lock.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString()));
        _lock.Flush();
    }

    /// <summary>Deletes every piece of state (for --fresh), including a PostgreSQL folder kept outside the root.</summary>
    public void Wipe()
    {
        var postgres = For("postgres");
        if (new FileInfo(postgres).LinkTarget is { } target) DeleteDirectory(target);
        foreach (var entry in Directory.Exists(Root) ? Directory.EnumerateFileSystemEntries(Root) : [])
        {
            if (Path.GetFileName(entry) == "run") continue;
            if (File.GetAttributes(entry).HasFlag(FileAttributes.ReparsePoint) || File.Exists(entry)) File.Delete(entry);
            else DeleteDirectory(entry);
        }
    }

    /// <summary>Removes the folder entirely (throw-away stacks of tests and benchmarks), PostgreSQL's data included.</summary>
    public static void Delete(string root)
    {
        var postgres = Path.Combine(root, "postgres");
        if (new FileInfo(postgres).LinkTarget is { } outside) DeleteDirectory(outside);
        DeleteDirectory(root);
    }

    /// <summary>PostgreSQL runs as the 'postgres' user when the AppHost is root, and that user must be able to reach
    /// its data folder through every parent. A checkout under /root cannot be reached, so the data then lives under
    /// /var/tmp and the state folder holds a link to it.</summary>
    public string PostgresDirectory()
    {
        var path = For("postgres");
        if (new FileInfo(path).LinkTarget is { } existing) return existing;
        if (!Posix.IsRoot || IsTraversableByOthers(Root)) return path;

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Root)))[..12];
        var outside = Path.Combine("/var/tmp", $"contentmachine-postgres-{hash}");
        Directory.CreateDirectory(outside);
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        File.CreateSymbolicLink(path, outside);
        return outside;
    }

    private static bool IsTraversableByOthers(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
            if (dir.Exists && !dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute)) return false;
        return true;
    }

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
