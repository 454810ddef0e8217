namespace ContentMachine.ServiceDefaults.Messaging.Inbox;

/// <summary>An event a consumer has already handled, recorded in the same transaction as what the handling changed.</summary>
public sealed class InboxMessage
{
    public string Consumer { get; private set; } = "";
    public Guid EventId { get; private set; }
    public DateTimeOffset ProcessedAt { get; private set; }

    public static InboxMessage For(string consumer, Guid eventId, DateTimeOffset now) =>
        new() { Consumer = consumer, EventId = eventId, ProcessedAt = now };
}
