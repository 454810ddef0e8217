
namespace ContentMachine.Pipeline.Runs;

/// <summary>Watches the run while a replica works on it: once it is cancelled (by whichever replica took the
/// cancellation) or superseded by a newer attempt, <see cref="Token"/> fires, and the stage's ffmpeg is killed.</summary>
public sealed class CancellationWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopped;
    private readonly CancellationTokenSource _watching = new();
    private readonly Task _loop;

    public CancellationWatch(IServiceScopeFactory scopes, Guid runId, int attempt, TimeSpan interval, CancellationToken shutdown)
    {
        _stopped = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        // Its polls (four a second for the whole run) are bookkeeping, not the run's work: outside the run's trace they
        // are parentless database commands, which telemetry does not record.
        using (System.Threading.ExecutionContext.SuppressFlow())
            _loop = Task.Run(() => WatchAsync(scopes, runId, attempt, interval));
    }

    public CancellationToken Token => _stopped.Token;

    /// <summary>The run itself was stopped (not this process).</summary>
    public bool RunStopped { get; private set; }

    private async Task WatchAsync(IServiceScopeFactory scopes, Guid runId, int attempt, TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_watching.Token))
            {
                try
                {
                    if (!await IsStillWantedAsync(scopes, runId, attempt)) break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database is unreachable for a moment: the stage's own database work fails and is retried; keep watching.
                }
            }
        }
        catch (OperationCanceledException) when (_watching.IsCancellationRequested)
        {
            return;
        }
        RunStopped = true;
        await _stopped.CancelAsync();
    }

    private async Task<bool> IsStillWantedAsync(IServiceScopeFactory scopes, Guid runId, int attempt)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var now = await db.Runs.AsNoTracking().IgnoreAutoIncludes().Where(r => r.Id == runId)
            .Select(r => new { r.Status, r.Attempt }).FirstOrDefaultAsync(_watching.Token);
        return now is not null && now.Attempt == attempt && now.Status is not RunStatus.Cancelled;
    }

    public async ValueTask DisposeAsync()
    {
        await _watching.CancelAsync();
        await _loop;
        _watching.Dispose();
        _stopped.Dispose();
    }
}
