using ContentMachine.Contracts;
using ContentMachine.ServiceDefaults.Messaging.Inbox;

namespace ContentMachine.Search.IntegrationEvents;

/// <summary>Keeps a project's search document and its point in the index up to date, once per event (the inbox). The
/// index is written before the document and inbox row are saved: if the save fails the event is redelivered and the
/// upsert repeated (upserts are idempotent), so the index never misses a saved change. A deleted project becomes a
/// tombstone that later events cannot revive.</summary>
public sealed class SearchEventConsumer<TEvent>(SearchDbContext db, SearchIndexer indexer, TimeProvider clock, ILogger<SearchEventConsumer<TEvent>> logger)
    : IdempotentConsumer<TEvent, SearchDbContext>(db, clock, logger) where TEvent : IntegrationEvent
{
    /// <summary>Stable per event type (the inbox key), e.g. SearchScriptGeneratedConsumer.</summary>
    protected override string ConsumerName => "Search" + typeof(TEvent).Name + "Consumer";

    protected override async Task HandleAsync(TEvent message, CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        var document = await Db.Documents.FirstOrDefaultAsync(d => d.ProjectId == message.ProjectId, ct);
        if (message is ProjectDeleted)
        {
            if (document is null) Db.Documents.Add(document = SearchDocument.Create(message.ProjectId, message.OccurredAt));
            document.MarkDeleted(now);
            await indexer.RemoveAsync(message.ProjectId, ct);
            return;
        }
        if (document?.IsDeleted == true)
        {
            Logger.LogInformation("{EventType} {EventId} concerns project {ProjectId}, which was deleted: not indexed", typeof(TEvent).Name, message.EventId, message.ProjectId);
            return;
        }
        if (document is null) Db.Documents.Add(document = SearchDocument.Create(message.ProjectId, message.OccurredAt));
        if (!document.Apply(message, now))
        {
            Logger.LogDebug("{EventType} {EventId} changed nothing the index holds for project {ProjectId}", typeof(TEvent).Name, message.EventId, message.ProjectId);
            return;
        }
        await indexer.IndexAsync(document, ct);
    }

    protected override void OnCommitted(TEvent message) =>
        Logger.LogInformation("{EventType} {EventId} applied to the search index for project {ProjectId}", typeof(TEvent).Name, message.EventId, message.ProjectId);
}
