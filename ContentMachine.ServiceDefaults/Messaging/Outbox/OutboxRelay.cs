using System.Diagnostics.Metrics;
using System.Text.Json;
using ContentMachine.ServiceDefaults.Configuration;
using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging.Inbox;
using ContentMachine.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ContentMachine.ServiceDefaults.Messaging.Outbox;

/// <summary>Publishes outbox rows through MassTransit and marks them sent: each project's events in the order they were
/// written (different projects' concurrently). While the broker is unreachable a project's first unsent row is retried
/// with backoff and nothing after it is published; a crash between publishing and marking re-publishes (consumers are
/// idempotent). Sent rows and old inbox entries are deleted after the retention period.</summary>
internal sealed class OutboxRelay<TContext> : BackgroundService where TContext : DbContext
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IBus _bus;
    private readonly IBusControl _busControl;
    private readonly OutboxSignal _signal;
    private readonly IOptionsMonitor<OutboxOptions> _options;
    private readonly ServiceTelemetry _telemetry;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxRelay<TContext>> _logger;
    private readonly Counter<long> _published;
    private readonly Histogram<double> _delay;
    private readonly long _lockKey = AdvisoryLockKey.For("outbox-relay:" + typeof(TContext).FullName);

    public OutboxRelay(IServiceScopeFactory scopes, IBus bus, IBusControl busControl, OutboxSignal signal, IOptionsMonitor<OutboxOptions> options,
        ServiceTelemetry telemetry, TimeProvider clock, ILogger<OutboxRelay<TContext>> logger)
    {
        (_scopes, _bus, _busControl, _signal, _options, _telemetry, _clock, _logger) = (scopes, bus, busControl, signal, options, telemetry, clock, logger);
        _published = telemetry.Meter.CreateCounter<long>("contentmachine.outbox.published", description: "Integration events published from the outbox");
        _delay = telemetry.Meter.CreateHistogram<double>("contentmachine.outbox.delay", "ms", "Time from commit to the broker's confirmation");
    }

    private OutboxOptions Options => _options.CurrentValue;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        await Task.Yield();
        var connectionString = await ConnectionStringAsync();
        for (var failures = 0; !ct.IsCancellationRequested;)
        {
            try
            {
                await using var leadership = await OutboxLeadership.TryAcquireAsync(connectionString, _lockKey, ct);
                if (leadership is null)
                {
                    await Task.Delay(Options.PollInterval, ct); // another replica relays; stand by
                    continue;
                }
                _logger.LogInformation("Outbox relay of {Context} is active", typeof(TContext).Name);
                failures = 0;
                await RelayWhileLeaderAsync(leadership, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = Backoff(++failures);
                _logger.LogWarning("Outbox relay of {Context} stopped ({Reason}); retrying in {DelayMs} ms",
                    typeof(TContext).Name, SecretRedactor.Redact(ex.Message), (int)delay.TotalMilliseconds);
                await Task.Delay(delay, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RelayWhileLeaderAsync(OutboxLeadership leadership, CancellationToken ct)
    {
        var lastSweep = DateTimeOffset.MinValue;
        var brokerWasHealthy = true;
        while (!ct.IsCancellationRequested)
        {
            await leadership.EnsureHeldAsync(ct);
            var brokerIsHealthy = _busControl.CheckHealth().Status == BusHealthStatus.Healthy;
            if (brokerIsHealthy && !brokerWasHealthy) await RetryWaitingRowsNowAsync(ct);
            brokerWasHealthy = brokerIsHealthy;
            var (published, wait) = await RelayBatchAsync(ct);
            if (_clock.GetUtcNow() - lastSweep > Options.SweepInterval)
            {
                await SweepAsync(ct);
                lastSweep = _clock.GetUtcNow();
            }
            if (published >= Options.BatchSize) continue;
            await _signal.WaitAsync(wait is { } w && w < Options.PollInterval ? w : Options.PollInterval, ct);
        }
    }

    /// <summary>Publishes one batch: each project's rows strictly in order (a project whose next row is waiting for a
    /// retry publishes nothing after it), different projects concurrently. Returns how many were published and, when
    /// some project is waiting, how long until its retry.</summary>
    internal async Task<(int Published, TimeSpan? Wait)> RelayBatchAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var batch = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null && m.DeadLetteredAt == null)
            .OrderBy(m => m.Id)
            .Take(Options.BatchSize)
            .ToListAsync(ct);
        var published = 0;
        var waitUntil = DateTimeOffset.MaxValue;
        using var slots = new SemaphoreSlim(Math.Max(1, Options.MaxConcurrentPublishes));
        try
        {
            // Entities are only mutated here (no DbContext call) and saved once every project is done.
            await Task.WhenAll(batch.GroupBy(m => m.ProjectId).Select(async rows =>
            {
                foreach (var row in rows)
                {
                    if (row.NextAttemptAt is { } due && due > _clock.GetUtcNow())
                    {
                        lock (slots) waitUntil = due < waitUntil ? due : waitUntil;
                        return;
                    }
                    await slots.WaitAsync(ct);
                    bool ok;
                    try
                    {
                        ok = await TryPublishAsync(row, ct);
                    }
                    finally
                    {
                        slots.Release();
                    }
                    if (ok) Interlocked.Increment(ref published);
                    else if (row.DeadLetteredAt is null)
                    {
                        lock (slots) waitUntil = row.NextAttemptAt < waitUntil ? row.NextAttemptAt.Value : waitUntil;
                        return;
                    }
                }
            }));
        }
        finally
        {
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(CancellationToken.None);
        }
        // Publishing the others may have taken longer than the earliest retry was due in: never a negative wait.
        return (published, waitUntil == DateTimeOffset.MaxValue ? null : TimeSpan.FromTicks(Math.Max(0, (waitUntil - _clock.GetUtcNow()).Ticks)));
    }

    private async Task<bool> TryPublishAsync(OutboxMessage row, CancellationToken ct)
    {
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = _telemetry.Source.StartActivity($"outbox publish {row.MessageType}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.EventId.ToString());
        activity?.SetTag("project.id", row.ProjectId.ToString());
        try
        {
            var message = IntegrationEventTypes.Deserialize(row.MessageType, row.Payload);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Options.PublishTimeout);
            // WaitAsync bounds the wait even if the client stops observing its token (a channel lost mid-confirm):
            // a publish that completes after all is harmless, consumers are idempotent.
            await _bus.Publish(message, message.GetType(), context =>
            {
                context.MessageId = row.EventId;
                context.Headers.Set("ProjectId", row.ProjectId.ToString());
            }, timeout.Token).WaitAsync(Options.PublishTimeout, ct);
            row.SentAt = _clock.GetUtcNow();
            row.LastError = null;
            _published.Add(1, new KeyValuePair<string, object?>("messaging.message.type", row.MessageType));
            _delay.Record((row.SentAt.Value - row.CreatedAt).TotalMilliseconds);
            return true;
        }
        catch (Exception ex) when (ex is UnknownEventTypeException or JsonException or NotSupportedException)
        {
            row.DeadLetteredAt = _clock.GetUtcNow();
            row.LastError = Truncate(ex.Message);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            _logger.LogError("Outbox row {OutboxId} ({MessageType} {EventId} of project {ProjectId}) can never be published and is set aside: {Reason}",
                row.Id, row.MessageType, row.EventId, row.ProjectId, ex.Message);
            return false;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            row.Attempts++;
            row.LastError = Truncate(SecretRedactor.Redact(ex.Message));
            row.NextAttemptAt = _clock.GetUtcNow() + Backoff(row.Attempts);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            _logger.LogWarning("Publishing {MessageType} {EventId} of project {ProjectId} failed (attempt {Attempt}): {Reason}; next try at {NextAttemptAt:O}",
                row.MessageType, row.EventId, row.ProjectId, row.Attempts, row.LastError, row.NextAttemptAt);
            return false;
        }
    }

    /// <summary>Rows backed off while the broker was unreachable would otherwise wait out their delay (up to
    /// <see cref="OutboxOptions.MaxRetryDelay"/>) after it is back: once the bus reports healthy again, they are due now.</summary>
    private async Task RetryWaitingRowsNowAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var due = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null && m.DeadLetteredAt == null && m.NextAttemptAt != null)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, (DateTimeOffset?)null), ct);
        _logger.LogInformation("The message broker is reachable again: {Waiting} waiting outbox rows are retried now", due);
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var before = _clock.GetUtcNow() - Options.Retention;
        var sent = await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < before).ExecuteDeleteAsync(ct);
        var processed = await db.Set<InboxMessage>().Where(m => m.ProcessedAt < before).ExecuteDeleteAsync(ct);
        if (sent + processed > 0)
            _logger.LogInformation("Deleted {Sent} sent outbox rows and {Processed} inbox entries older than {Retention}", sent, processed, Options.Retention);
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(Options.MaxRetryDelay.TotalMilliseconds, 200 * Math.Pow(2, Math.Min(attempt - 1, 16))));

    private async Task<string> ConnectionStringAsync()
    {
        await using var scope = _scopes.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<TContext>().Database.GetConnectionString()
            ?? throw new InvalidOperationException($"{typeof(TContext).Name} has no connection string.");
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

}
