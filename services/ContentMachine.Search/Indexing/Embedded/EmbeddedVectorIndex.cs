namespace ContentMachine.Search.Indexing.Embedded;

/// <summary>The default index: exact search in memory (<see cref="ExactVectorSet"/>), every point persisted in searchdb
/// (<c>embedded_vectors</c>) first and loaded back at start. Suits one Search replica and up to a few hundred thousand
/// points; more replicas or more points is what Qdrant is for (set <c>ConnectionStrings__qdrant</c>).</summary>
public sealed class EmbeddedVectorIndex(IServiceScopeFactory scopes, IOptions<EmbeddingOptions> options, TimeProvider clock, ILogger<EmbeddedVectorIndex> logger)
    : IVectorIndex
{
    private readonly ExactVectorSet _set = new(options.Value.Dimensions);
    private readonly SemaphoreSlim _writes = new(1, 1);

    public string Name => "embedded";

    public async Task InitializeAsync(CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
        var loaded = 0;
        var stale = new List<Guid>();
        await foreach (var row in db.EmbeddedVectors.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            if (row.Vector.Length != _set.Dimensions)
            {
                stale.Add(row.Id);
                continue;
            }
            _set.Upsert(row.Id, row.Vector, row.Payload);
            loaded++;
        }
        if (stale.Count > 0)
        {
            // Vectors of another model or size cannot be compared with today's: they go, and a re-index rebuilds them.
            await db.EmbeddedVectors.Where(v => stale.Contains(v.Id)).ExecuteDeleteAsync(ct);
            logger.LogWarning("Dropped {Count} stored vectors whose size is not {Dimensions}: POST /api/search/reindex rebuilds them", stale.Count, _set.Dimensions);
        }
        logger.LogInformation("Embedded index loaded {Count} vectors of {Dimensions} dimensions in {ElapsedMs} ms", loaded, _set.Dimensions, started.ElapsedMilliseconds);
    }

    public async Task UpsertAsync(IReadOnlyCollection<VectorPoint> points, CancellationToken ct)
    {
        if (points.Count == 0) return;
        foreach (var point in points)
            if (point.Vector.Length != _set.Dimensions)
                throw new VectorIndexException($"The index holds {_set.Dimensions}-dimensional vectors; point {point.Id} has {point.Vector.Length}.");
        // One writer at a time: the database and the memory then change in the same order.
        await _writes.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
            var ids = points.Select(p => p.Id).ToList();
            var existing = await db.EmbeddedVectors.Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
            var now = clock.GetUtcNow();
            foreach (var point in points)
            {
                if (!existing.TryGetValue(point.Id, out var row)) db.EmbeddedVectors.Add(existing[point.Id] = row = EmbeddedVector.Create(point.Id));
                row.Update(point.Vector.ToArray(), point.Payload, now);
            }
            await db.SaveChangesAsync(ct);
            foreach (var point in points) _set.Upsert(point.Id, point.Vector.Span, point.Payload);
        }
        finally
        {
            _writes.Release();
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await _writes.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SearchDbContext>();
            await db.EmbeddedVectors.Where(v => ids.Contains(v.Id)).ExecuteDeleteAsync(ct);
            foreach (var id in ids) _set.Remove(id);
        }
        finally
        {
            _writes.Release();
        }
    }

    public Task DeleteAsync(SearchFilter filter, CancellationToken ct) =>
        DeleteAsync(_set.Find(filter), ct);

    public Task<IReadOnlyList<VectorMatch>> QueryAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int limit, float? scoreThreshold, CancellationToken ct)
    {
        if (vector.Length != _set.Dimensions)
            throw new VectorIndexException($"The index holds {_set.Dimensions}-dimensional vectors; the query has {vector.Length}.");
        return Task.FromResult(_set.Query(vector.Span, filter, limit, scoreThreshold));
    }

    public Task<long> CountAsync(CancellationToken ct) => Task.FromResult((long)_set.Count);
}
