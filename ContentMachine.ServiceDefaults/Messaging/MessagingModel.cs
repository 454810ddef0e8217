using ContentMachine.ServiceDefaults.Messaging.Inbox;
using ContentMachine.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ContentMachine.ServiceDefaults.Messaging;

public static class MessagingModel
{
    /// <summary>Adds the outbox and inbox tables to a service's own database (call before UseSnakeCaseNames).</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(o =>
        {
            o.ToTable("OutboxMessages");
            o.HasKey(m => m.Id);
            o.Property(m => m.Id).UseIdentityAlwaysColumn();
            o.HasIndex(m => m.EventId).IsUnique();
            o.Property(m => m.MessageType).HasMaxLength(200);
            o.Property(m => m.Payload).HasColumnType("jsonb");
            o.Property(m => m.TraceParent).HasMaxLength(100);
            o.Property(m => m.LastError).HasMaxLength(2000);
            // the relay reads unsent rows in order; sent rows are only looked at by the retention sweep
            o.HasIndex(m => m.Id).HasFilter("sent_at IS NULL AND dead_lettered_at IS NULL").HasDatabaseName("IX_OutboxMessages_Unsent");
            o.HasIndex(m => m.SentAt);
        });
        model.Entity<InboxMessage>(i =>
        {
            i.ToTable("InboxMessages");
            i.HasKey(m => new { m.Consumer, m.EventId });
            i.Property(m => m.Consumer).HasMaxLength(200);
            i.HasIndex(m => m.ProcessedAt);
        });
        return model;
    }

    /// <summary>Queues an integration event to be published once the current SaveChanges commits.</summary>
    public static void AddIntegrationEvent(this DbContext db, Contracts.IntegrationEvent message) =>
        db.Set<OutboxMessage>().Add(OutboxMessage.From(message));
}
