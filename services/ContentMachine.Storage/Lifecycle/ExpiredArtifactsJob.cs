using Quartz;

namespace ContentMachine.Storage.Lifecycle;

/// <summary>Deletes intermediate run artifacts past their expiry, objects first, then their metadata, a batch at a time.
/// Final outputs, exports and uploads never expire. Replicas may run it at the same time: deletions are idempotent.</summary>
[DisallowConcurrentExecution]
public sealed class ExpiredArtifactsJob(StorageDbContext db, ObjectStore store, IOptions<LifecycleOptions> options, TimeProvider clock,
    ILogger<ExpiredArtifactsJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var removed = 0;
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var expired = await db.Objects.AsNoTracking()
                .Where(o => o.ExpiresAt != null && o.ExpiresAt <= now)
                .OrderBy(o => o.ExpiresAt)
                .Select(o => o.Key)
                .Take(options.Value.BatchSize)
                .ToListAsync(ct);
            if (expired.Count == 0) break;
            removed += await store.DeleteAsync(expired, ct);
            if (expired.Count < options.Value.BatchSize) break;
        }
        if (removed > 0) logger.LogInformation("Lifecycle removed {Removed} expired run artifacts", removed);
    }
}
