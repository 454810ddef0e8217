namespace ContentMachine.Search.Apis;

/// <summary><c>GET /api/search?q=&amp;topic=&amp;status=&amp;limit=</c>.</summary>
public sealed record SearchQuery(string? Q = null, string? Topic = null, string? Status = null, int? Limit = null)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;
}

public sealed record SearchResponse(string Query, string Index, IReadOnlyList<SearchHit> Results);

public sealed record SearchHit(
    Guid ProjectId, double Score, string Title, string Topic, string Archetype, string Status, DateTimeOffset CreatedAt, IReadOnlyList<string> Platforms)
{
    public static SearchHit From(VectorMatch match) => new(
        match.Payload.ProjectId, Math.Round(match.Score, 6), match.Payload.Title, match.Payload.Topic, match.Payload.Archetype,
        match.Payload.Status, match.Payload.CreatedAt, match.Payload.Platforms);
}

/// <summary><c>POST /api/search/duplicates</c>: is this text (a new script) too close to something already indexed?</summary>
public sealed record DuplicateCheckRequest(string? Text, double? Threshold = null, Guid? ExcludeProjectId = null, int? Limit = null)
{
    public const double DefaultThreshold = 0.9;
    public const int DefaultLimit = 5;
    public const int MaxLimit = 50;
}

/// <summary>The nearest matches (at most <c>limit</c>, best first, whatever their score) and whether the best reaches the
/// threshold.</summary>
public sealed record DuplicateCheckResponse(bool IsDuplicate, double Threshold, SearchHit? BestMatch, IReadOnlyList<SearchHit> Matches);
