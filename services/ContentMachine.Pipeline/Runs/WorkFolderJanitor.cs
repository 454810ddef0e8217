using ContentMachine.ServiceDefaults.Configuration;

namespace ContentMachine.Pipeline.Runs;

/// <summary>Each replica keeps its runs' folders under its own instance name. A replica that was killed could not
/// remove its folders; when it starts again (same instance name) it removes what its previous life left.</summary>
public sealed class WorkFolderJanitor(IOptions<PipelineOptions> options, ServiceIdentity identity, ILogger<WorkFolderJanitor> logger) : IHostedService
{
    public static string InstanceRoot(PipelineOptions options, ServiceIdentity identity) => Path.Combine(options.WorkDirectory, identity.InstanceId);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var root = InstanceRoot(options.Value, identity);
        if (!Directory.Exists(root)) return Task.CompletedTask;
        var left = Directory.GetDirectories(root);
        foreach (var folder in left) Directory.Delete(folder, recursive: true);
        if (left.Length > 0) logger.LogWarning("Removed {Count} run folders a previous process of {Instance} left in {Root}", left.Length, identity.InstanceId, root);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
