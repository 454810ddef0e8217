namespace ContentMachine.Search.Indexing;

/// <summary>Where vectors live and are searched by cosine similarity: the embedded exact index (default) or Qdrant
/// (when <c>ConnectionStrings__qdrant</c> is set). Upserts replace a point with the same id; deletes of unknown ids are
/// no-ops; matches come best first.</summary>
public interface IVectorIndex
{
    /// <summary>"embedded" or "qdrant", for responses and logs.</summary>
    string Name { get; }

    /// <summary>Called once at start: load what is persisted, or make sure the collection exists.</summary>
    Task InitializeAsync(CancellationToken ct);

    Task UpsertAsync(IReadOnlyCollection<VectorPoint> points, CancellationToken ct);

    Task DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    Task DeleteAsync(SearchFilter filter, CancellationToken ct);

    Task<IReadOnlyList<VectorMatch>> QueryAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int limit, float? scoreThreshold, CancellationToken ct);

    Task<long> CountAsync(CancellationToken ct);
}

public sealed record VectorPoint(Guid Id, ReadOnlyMemory<float> Vector, SearchPayload Payload);

public sealed record VectorMatch(Guid Id, float Score, SearchPayload Payload);

/// <summary>The index refused or failed an operation (Qdrant's own message when it gave one).</summary>
public sealed class VectorIndexException(string message, int? statusCode = null, bool isTransient = false, Exception? inner = null)
    : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
    public bool IsTransient { get; } = isTransient;
}
