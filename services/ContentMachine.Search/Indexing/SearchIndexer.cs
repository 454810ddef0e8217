using ContentMachine.ServiceDefaults.Telemetry;
using Microsoft.Extensions.AI;

namespace ContentMachine.Search.Indexing;

/// <summary>Turns documents into points of the active index (embed, then upsert) and queries it, with a span per
/// operation (<c>search.index</c>, <c>search.query</c>, <c>search.remove</c>, <c>search.reindex</c>).</summary>
public sealed class SearchIndexer(
    IEmbeddingGenerator<string, Embedding<float>> embedder, IVectorIndex index, IServiceScopeFactory scopes,
    ServiceTelemetry telemetry, ILogger<SearchIndexer> logger)
{
    public const int ReindexBatchSize = 128;

    public string IndexName => index.Name;

    /// <summary>Indexes a document's current text and payload; a document without text yet is left out of the index.</summary>
    public async Task IndexAsync(SearchDocument document, CancellationToken ct)
    {
        using var activity = telemetry.Source.StartActivity("search.index");
        activity?.SetTag("project.id", document.ProjectId.ToString());
        activity?.SetTag("search.index", index.Name);
        var text = document.EmbeddingText;
        if (text.Length == 0) return;
        var vector = await embedder.GenerateVectorAsync(text, cancellationToken: ct);
        await index.UpsertAsync([new VectorPoint(document.ProjectId, vector, document.ToPayload())], ct);
    }

    public async Task RemoveAsync(Guid projectId, CancellationToken ct)
    {
        using var activity = telemetry.Source.StartActivity("search.remove");
        activity?.SetTag("project.id", projectId.ToString());
        await index.DeleteAsync(new SearchFilter(ProjectId: projectId), ct);
    }

    public async Task<IReadOnlyList<VectorMatch>> QueryAsync(string text, SearchFilter filter, int limit, float? scoreThreshold, CancellationToken ct)
    {
        using var activity = telemetry.Source.StartActivity("search.query");
        activity?.SetTag("search.index", index.Name);
        activity?.SetTag("search.limit", limit);
        if (filter.ExcludeProjectId is { } excluded) activity?.SetTag("project.id", excluded.ToString());
        var vector = await embedder.GenerateVectorAsync(text, cancellationToken: ct);
        var matches = await index.QueryAsync(vector, filter, limit, scoreThreshold, ct);
        activity?.SetTag("search.results", matches.Count);
        return matches;
    }

    /// <summary>Re-embeds every live document of searchdb into the active index (after a model change, a lost Qdrant
    /// collection or a new backend) and removes the points of deleted projects.</summary>
    public async Task<ReindexResult> ReindexAsync(CancellationToken ct)
    {
        using var activity = telemetry.Source.StartActivity("search.reindex");
        activity?.SetTag("search.index", index.Name);
        var started = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        int indexed = 0, skipped = 0;
        Guid? after = null;
        while (true)
        {
            var batch = await db.Documents.AsNoTracking().Where(d => d.DeletedAt == null && (after == null || d.ProjectId > after))
                .OrderBy(d => d.ProjectId).Take(ReindexBatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            after = batch[^1].ProjectId;
            var withText = batch.Where(d => d.EmbeddingText.Length > 0).ToList();
            skipped += batch.Count - withText.Count;
            if (withText.Count == 0) continue;
            var embeddings = await embedder.GenerateAsync(withText.Select(d => d.EmbeddingText), cancellationToken: ct);
            await index.UpsertAsync(withText.Select((d, i) => new VectorPoint(d.ProjectId, embeddings[i].Vector, d.ToPayload())).ToList(), ct);
            indexed += withText.Count;
        }
        var deleted = await db.Documents.AsNoTracking().Where(d => d.DeletedAt != null).Select(d => d.ProjectId).ToListAsync(ct);
        foreach (var chunk in deleted.Chunk(ReindexBatchSize)) await index.DeleteAsync(chunk, ct);
        var total = await index.CountAsync(ct);
        logger.LogInformation("Re-indexed {Indexed} documents into the {Index} index ({Removed} deleted removed, {Skipped} without text) in {ElapsedMs} ms; it holds {Total} points",
            indexed, index.Name, deleted.Count, skipped, started.ElapsedMilliseconds, total);
        return new ReindexResult(index.Name, indexed, deleted.Count, skipped, total, started.ElapsedMilliseconds);
    }
}

public sealed record ReindexResult(string Index, int Indexed, int Removed, int Skipped, long Total, long ElapsedMs);
