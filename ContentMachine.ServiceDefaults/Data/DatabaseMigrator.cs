using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ContentMachine.ServiceDefaults.Data;

/// <summary>Applies the context's migrations before the service accepts requests. Replicas starting together take a
/// PostgreSQL advisory lock so only one migrates at a time; an unreachable database is retried for a while, then the
/// process fails (and the AppHost restarts it) instead of serving without a schema.</summary>
internal sealed class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MigrateAsync(cancellationToken);
                logger.LogInformation("Database schema of {Context} is current ({ElapsedMs} ms)", typeof(TContext).Name, started.ElapsedMilliseconds);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && started.Elapsed < GiveUpAfter)
            {
                logger.LogWarning("Migrating {Context} failed (attempt {Attempt}): {Reason}", typeof(TContext).Name, attempt, ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * attempt)), cancellationToken);
            }
        }
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var lockKey = AdvisoryLockKey.For("migrate:" + typeof(TContext).FullName);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({lockKey})", ct);
            // On a new database EF would first query the missing history table and log that as an error.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({lockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }


    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
