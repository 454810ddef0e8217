namespace ContentMachine.Projects.Infrastructure;

/// <summary>Idempotency keys protect against retried requests, which come within minutes; after a day they go.</summary>
public sealed class IdempotencyKeyCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyKeyCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var before = clock.GetUtcNow() - KeepFor;
                var deleted = await scope.ServiceProvider.GetRequiredService<ProjectsDbContext>().IdempotencyKeys
                    .Where(k => k.CreatedAt < before).ExecuteDeleteAsync(ct);
                if (deleted > 0) logger.LogInformation("Deleted {Count} expired idempotency keys", deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Deleting expired idempotency keys failed: {Reason}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }
}
