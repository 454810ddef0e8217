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
        Environment = WithGatewayBudget(ExtraEnvironment()),
        Durable = Environment.GetEnvironmentVariable("BENCH_DURABLE") != "0",
    };

    /// <summary>BENCH_ENV="projects:Key=Value,pipeline:Key=Value" sets services' environment, to measure a setting's cost.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> ExtraEnvironment() =>
        (Environment.GetEnvironmentVariable("BENCH_ENV") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => (Resource: entry[..entry.IndexOf(':')], Pair: entry[(entry.IndexOf(':') + 1)..].Split('=', 2)))
            .GroupBy(e => e.Resource)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string?>)g.ToDictionary(e => e.Pair[0], e => (string?)e.Pair[1]));

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> WithGatewayBudget(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> environment)
    {
        var gateway = new Dictionary<string, string?>(GatewayRateLimits.Unlimited);
        foreach (var (key, value) in environment.GetValueOrDefault("gateway") ?? new Dictionary<string, string?>()) gateway[key] = value;
        return new Dictionary<string, IReadOnlyDictionary<string, string?>>(environment) { ["gateway"] = gateway };
    }

    public static string NewStateFolder(string name) => Path.Combine(Path.GetTempPath(), "contentmachine-bench", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);

    public static void Delete(string state) => StateDirectory.Delete(state);
}
