namespace ContentMachine.ServiceDefaults.Messaging.Outbox;

/// <summary>An integration event waiting to be published, written in the same transaction as the state change that
/// raised it. The relay publishes rows in <see cref="Id"/> order and marks them sent.</summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }
    public Guid EventId { get; private set; }
    public Guid ProjectId { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public string? TraceParent { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; internal set; }
    public int Attempts { get; internal set; }
    public DateTimeOffset? NextAttemptAt { get; internal set; }
    public string? LastError { get; internal set; }

    /// <summary>Set when the row can never be published (its type is unknown, its payload unreadable): it is kept for
    /// inspection and no longer holds back the rows after it.</summary>
    public DateTimeOffset? DeadLetteredAt { get; internal set; }

    public static OutboxMessage From(Contracts.IntegrationEvent message) => new()
    {
        EventId = message.EventId,
        ProjectId = message.ProjectId,
        MessageType = IntegrationEventTypes.NameOf(message.GetType()),
        Payload = IntegrationEventTypes.Serialize(message),
        TraceParent = Activity.Current?.Id,
        CreatedAt = message.OccurredAt,
    };
}
