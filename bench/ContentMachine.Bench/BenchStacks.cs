using ContentMachine.AppHost.Hosting;

namespace ContentMachine.Bench;

/// <summary>Stacks as a user runs them (durable storage, one replica each), but on free ports and in a private state
/// folder so a benchmark never touches the developer's own stack.</summary>
internal static class BenchStacks
{
    public static StackOptions Options(string state) => new()
    {
        StateDirectory = state,
        Ports = StackPorts.AnyFree,
        EnvironmentName = "Production",
    };

    public static string NewStateFolder(string name) => Path.Combine(Path.GetTempPath(), "contentmachine-bench", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);

    public static void Delete(string state) => StateDirectory.Delete(state);
}
