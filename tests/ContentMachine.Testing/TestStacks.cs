using ContentMachine.AppHost.Hosting;

namespace ContentMachine.Testing;

/// <summary>Stacks for tests: every port free-chosen, data in a private folder under /tmp (removed afterwards), no
/// durability (fsync off): nothing collides with a developer's running stack or another test run.</summary>
public static class TestStacks
{
    public static StackOptions Options(string name, IReadOnlyCollection<string>? only = null, IReadOnlyDictionary<string, int>? replicas = null) => new()
    {
        StateDirectory = Path.Combine(Path.GetTempPath(), "contentmachine-tests", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]),
        Ports = StackPorts.AnyFree,
        Only = only,
        Replicas = replicas ?? new Dictionary<string, int>(),
        Durable = false,
        StartTimeout = TimeSpan.FromSeconds(120),
    };

    /// <summary>Stops the stack and deletes its state folder, whatever happened before.</summary>
    public static async Task DisposeAndDeleteAsync(DistributedStack stack)
    {
        try
        {
            await stack.DisposeAsync();
        }
        finally
        {
            StateDirectory.Delete(stack.StateDirectory);
        }
    }

    /// <summary>The stack's recent output, for a failure message.</summary>
    public static string RecentOutput(DistributedStack stack, int linesPerResource = 30) =>
        string.Join(Environment.NewLine, stack.Snapshots().Select(s => s.Name).Prepend(StackContext.AppHostResource)
            .SelectMany(name => stack.Logs.Tail(name, linesPerResource).Select(l => $"{name} | {l.Text}")));
}
