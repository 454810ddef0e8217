using ContentMachine.AppHost.Console;

namespace ContentMachine.AppHost.Hosting;

/// <summary>What resources need while they prepare, start and probe: options, folders, secrets, logs.</summary>
public sealed class StackContext(StackOptions options, RepositoryLayout layout, StateDirectory state, StackSecrets secrets, ResourceLogs logs)
{
    public const string AppHostResource = "apphost";

    public StackOptions Options { get; } = options;
    public RepositoryLayout Layout { get; } = layout;
    public StateDirectory State { get; } = state;
    public StackSecrets Secrets { get; } = secrets;
    public ResourceLogs Logs { get; } = logs;

    /// <summary>For readiness probes: short timeouts, no retries (the probe loop retries), and no kept-alive connection
    /// left open in the servers it probes.</summary>
    public HttpClient ProbeClient { get; } = new() { Timeout = TimeSpan.FromSeconds(2), DefaultRequestHeaders = { ConnectionClose = true } };

    /// <summary>The gateway's admin API key: <see cref="StackOptions.AdminApiKey"/>, or the state folder's own.</summary>
    public string AdminApiKey => Options.AdminApiKey ?? Secrets.Get("gateway-admin-api-key", GatewayAdminKey.Generate);

    public void Log(string message) => Logs.Write(AppHostResource, message);
}
