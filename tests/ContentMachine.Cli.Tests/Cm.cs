namespace ContentMachine.Cli.Tests;

/// <summary>Runs <c>cm</c> in process, as a user would type it, with captured stdout and stderr and a private
/// environment (no config file of the machine's user is read).</summary>
public static class Cm
{
    public sealed record Run(int ExitCode, string Out, string Error)
    {
        public string All => Out + Error;
    }

    public static async Task<Run> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? environment = null, bool terminal = false,
        CancellationToken ct = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var env = new Dictionary<string, string?> { ["HOME"] = Path.Combine(Path.GetTempPath(), "cm-tests-home-" + Guid.NewGuid().ToString("N")) };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) env[name] = value;
        var host = CliHost.Create(output, error, name => env.GetValueOrDefault(name), terminal);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var code = await CliApp.RunAsync(args, host, timeout.Token);
        return new Run(code, output.ToString(), error.ToString());
    }

    public static Task<Run> RunAsync(FakeGateway gateway, params string[] args) => RunAsync([.. args, "--url", gateway.Url.ToString()]);
}
