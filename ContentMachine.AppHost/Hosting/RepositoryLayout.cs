using System.Reflection;

namespace ContentMachine.AppHost.Hosting;

/// <summary>Where the services' builds are. The AppHost references every service project without taking its assembly,
/// so building the AppHost builds them; it then runs each one's output with <c>dotnet</c>.</summary>
public sealed record RepositoryLayout(string Root, string Configuration)
{
    public const string SolutionFile = "ContentMachine.sln";

    public static RepositoryLayout Discover(string? root = null)
    {
        var configuration = typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ContentMachine.Configuration")?.Value ?? "Debug";
        return new RepositoryLayout(root ?? FindRoot(AppContext.BaseDirectory), configuration);
    }

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        throw new InvalidOperationException($"Cannot find {SolutionFile} above {start}: run the AppHost from a ContentMachine checkout.");
    }

    /// <summary>The built assembly of the project in <paramref name="projectDirectory"/> (relative to the root).</summary>
    public string AssemblyPath(string projectDirectory)
    {
        var name = Path.GetFileName(projectDirectory);
        return Path.Combine(Root, projectDirectory, "bin", Configuration, "net10.0", name + ".dll");
    }

    public string S3rverDirectory => Path.Combine(Root, "ContentMachine.AppHost", "s3rver");
}
