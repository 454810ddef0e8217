using ContentMachine.Contracts;
using MassTransit;

namespace ContentMachine.Storage.IntegrationEvents;

/// <summary>A deleted project's artifacts, outputs and exports go with it (the user's uploads stay: they may serve other
/// projects). Deleting is idempotent, so a redelivered event needs no inbox.</summary>
public sealed class ProjectDeletedConsumer(ObjectStore store, ILogger<ProjectDeletedConsumer> logger) : IConsumer<ProjectDeleted>
{
    /// <summary>The Storage service's own queue: every service that follows ProjectDeleted gets its own copy.</summary>
    public const string Endpoint = "storage-project-deleted";

    public async Task Consume(ConsumeContext<ProjectDeleted> context)
    {
        var projectId = context.Message.ProjectId;
        var keys = new List<string>();
        foreach (var prefix in ObjectLayout.ProjectPrefixes(projectId))
            keys.AddRange(await store.KeysUnderAsync(prefix, context.CancellationToken));
        if (keys.Count == 0) return;
        await store.DeleteAsync(keys, context.CancellationToken);
        logger.LogInformation("Removed {Count} objects of deleted project {ProjectId}", keys.Count, projectId);
    }
}
