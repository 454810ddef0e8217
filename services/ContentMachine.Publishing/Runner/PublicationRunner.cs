using ContentMachine.Publishing.Options;
using ContentMachine.ServiceDefaults.Configuration;

namespace ContentMachine.Publishing.Runner;

/// <summary>Works due publications outside any consumer's transaction: each loop claims one (a lease in the row, taken
/// with SKIP LOCKED, so replicas never work the same one) and hands it to a <see cref="PublicationWorker"/>. A worker that
/// dies leaves its lease to expire; the publication is then claimed again and continues from its saved state.</summary>
public sealed class PublicationRunner(
    IServiceScopeFactory scopes, PublicationSignal signal, IOptions<PublishingOptions> options, ServiceIdentity identity,
    TimeProvider clock, ILogger<PublicationRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.MaxConcurrent).Select(i => LoopAsync($"{identity.InstanceId}/{i}", stoppingToken)));

    private async Task LoopAsync(string worker, CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await ClaimAndWorkAsync(worker, ct)) continue;
                await signal.WaitAsync(options.Value.PollInterval, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Publication worker {Worker} failed to claim work: {Reason}", worker, ex.Message);
                await Task.Delay(options.Value.PollInterval, clock, ct);
            }
        }
    }

    private async Task<bool> ClaimAndWorkAsync(string worker, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PublishingDbContext>();
        var now = clock.GetUtcNow();
        var until = now + options.Value.LeaseDuration;
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE publications SET lease_owner = {worker}, lease_until = {until}
            WHERE id = (
                SELECT id FROM publications
                WHERE ((status IN ('Pending', 'WaitingForQuota') AND next_attempt_at <= {now})
                       OR status = 'Uploading')
                  AND (lease_until IS NULL OR lease_until < {now})
                ORDER BY next_attempt_at NULLS FIRST
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        if (claimed.Count == 0) return false;
        await scope.ServiceProvider.GetRequiredService<PublicationWorker>().WorkAsync(claimed[0], worker, ct);
        return true;
    }
}
