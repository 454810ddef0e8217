using ContentMachine.AppHost.Processes;

namespace ContentMachine.AppHost.Hosting;

/// <summary>Something a resource needs on the machine, and the exact command that installs it.</summary>
public sealed record Prerequisite(string Name, Func<bool> IsPresent, string InstallCommand)
{
    public static Prerequisite AptPackage(string name, string executable, string package) =>
        new(name, () => Executable.Exists(executable), $"{(Posix.IsRoot ? "" : "sudo ")}apt-get install -y {package}");
}

public sealed class MissingPrerequisitesException(IReadOnlyList<Prerequisite> missing) : Exception(Describe(missing))
{
    public IReadOnlyList<Prerequisite> Missing { get; } = missing;

    private static string Describe(IReadOnlyList<Prerequisite> missing) =>
        "ContentMachine cannot start; missing prerequisites:" + Environment.NewLine
        + string.Join(Environment.NewLine, missing.Select(p => $"  - {p.Name}: {p.InstallCommand}")) + Environment.NewLine
        + "Or install everything at once: bash scripts/bootstrap.sh";
}

public static class Executable
{
    /// <summary>An absolute path that exists, or a name found on PATH.</summary>
    public static bool Exists(string executable) => Find(executable) is not null;

    public static string? Find(string executable)
    {
        if (Path.IsPathRooted(executable)) return File.Exists(executable) ? executable : null;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);
    }
}
