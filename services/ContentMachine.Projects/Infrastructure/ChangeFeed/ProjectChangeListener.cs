using ContentMachine.ServiceDefaults.Configuration;
using Npgsql;

namespace ContentMachine.Projects.Infrastructure.ChangeFeed;

/// <summary>Listens on PostgreSQL's <c>project_changes</c> channel, which a trigger on the projects table notifies in
/// the same transaction as every change (so only committed changes are announced, whichever replica made them).</summary>
public sealed class ProjectChangeListener(ProjectChangeFeed feed, IConfiguration configuration, ILogger<ProjectChangeListener> logger) : BackgroundService
{
    public const string Channel = "project_changes";

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionStrings.Require(configuration, "projectsdb"))
        {
            Pooling = false, KeepAlive = 15,
        }.ConnectionString;
        for (var failures = 0; !ct.IsCancellationRequested;)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var projectId)) feed.Notify(projectId);
                };
                await connection.OpenAsync(ct);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
                if (failures > 0) logger.LogInformation("Listening for project changes again");
                failures = 0;
                feed.NotifyAll();
                while (true) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(10_000, 250 * Math.Pow(2, failures++)));
                logger.LogWarning("Listening for project changes failed ({Reason}); reconnecting in {DelayMs} ms",
                    SecretRedactor.Redact(ex.Message), (int)delay.TotalMilliseconds);
                await Task.Delay(delay, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
