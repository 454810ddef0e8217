using ContentMachine.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContentMachine.ServiceDefaults.Messaging.Inbox;

/// <summary>Base of every consumer: an event is handled at most once per consumer. The inbox row and the handler's
/// changes (outbox rows included) are saved by one SaveChanges, so they commit together; a redelivered or concurrently
/// delivered event finds its row and changes nothing. Failures are logged with the event and project ids and rethrown,
/// so MassTransit retries with backoff and then moves the message to the _error queue.</summary>
public abstract class IdempotentConsumer<TEvent, TContext>(TContext db, TimeProvider clock, ILogger logger) : IConsumer<TEvent>
    where TEvent : IntegrationEvent
    where TContext : DbContext
{
    protected TContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;
    protected ILogger Logger { get; } = logger;

    /// <summary>The inbox key; stable across releases (renaming the class would otherwise re-handle old events).</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var message = context.Message;
        using var scope = Logger.BeginScope(new Dictionary<string, object>
        {
            ["EventId"] = message.EventId, ["ProjectId"] = message.ProjectId, ["EventType"] = typeof(TEvent).Name,
        });
        Activity.Current?.SetTag("project.id", message.ProjectId.ToString());
        if (await Db.Set<InboxMessage>().AnyAsync(m => m.Consumer == ConsumerName && m.EventId == message.EventId, context.CancellationToken))
        {
            Logger.LogDebug("{EventType} {EventId} was already handled by {Consumer}", typeof(TEvent).Name, message.EventId, ConsumerName);
            return;
        }
        try
        {
            await HandleAsync(message, context.CancellationToken);
            Db.Set<InboxMessage>().Add(InboxMessage.For(ConsumerName, message.EventId, Clock.GetUtcNow()));
            await Db.SaveChangesAsync(context.CancellationToken);
            OnCommitted(message);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: "inbox_messages" })
        {
            Logger.LogDebug("{EventType} {EventId} was handled concurrently by another replica", typeof(TEvent).Name, message.EventId);
        }
        catch (Exception ex)
        {
            Logger.LogWarning("Handling {EventType} {EventId} of project {ProjectId} failed (delivery attempt {Attempt}): {Reason}",
                typeof(TEvent).Name, message.EventId, message.ProjectId, context.GetRetryAttempt() + 1, ex.Message);
            throw;
        }
    }

    /// <summary>Applies the event to the service's state (without saving: the base class saves with the inbox row).</summary>
    protected abstract Task HandleAsync(TEvent message, CancellationToken ct);

    /// <summary>After the handling has committed: the place to log what happened (a log line is then a fact).</summary>
    protected virtual void OnCommitted(TEvent message)
    {
    }
}
