using ContentMachine.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.Search.Apis;

/// <summary>Semantic search, the near-duplicate check the Pipeline makes before rendering, and a re-index.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/search").WithTags("Search");

        api.MapGet("", Search).WithValidation<SearchQuery>()
            .WithName("Search").WithSummary("Projects ranked by similarity to the text q, optionally of one topic or status");
        api.MapPost("duplicates", CheckDuplicates).WithValidation<DuplicateCheckRequest>()
            .WithName("CheckDuplicates").WithSummary("The indexed projects nearest to a text, and whether the best reaches the threshold")
            .WithDescription("Scores are cosine similarities (0-1 for the hashing embedder). excludeProjectId leaves out the project asking.");
        api.MapPost("reindex", Reindex)
            .WithName("Reindex").WithSummary("Re-embed every document of searchdb into the active index");

        return app;
    }

    public static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> Search(
        [AsParameters] SearchQuery query, SearchIndexer indexer, CancellationToken ct)
    {
        var filter = new SearchFilter(Topic: query.Topic, Status: query.Status);
        return await Unavailable.Guard(async () =>
        {
            var matches = await indexer.QueryAsync(query.Q!, filter, query.Limit ?? SearchQuery.DefaultLimit, scoreThreshold: null, ct);
            return new SearchResponse(query.Q!, indexer.IndexName, matches.Select(SearchHit.From).ToList());
        });
    }

    public static async Task<Results<Ok<DuplicateCheckResponse>, ProblemHttpResult>> CheckDuplicates(
        DuplicateCheckRequest request, SearchIndexer indexer, CancellationToken ct)
    {
        var threshold = request.Threshold ?? DuplicateCheckRequest.DefaultThreshold;
        return await Unavailable.Guard(async () =>
        {
            var matches = await indexer.QueryAsync(request.Text!, new SearchFilter(ExcludeProjectId: request.ExcludeProjectId),
                request.Limit ?? DuplicateCheckRequest.DefaultLimit, scoreThreshold: null, ct);
            var hits = matches.Select(SearchHit.From).ToList();
            var best = hits.FirstOrDefault();
            return new DuplicateCheckResponse(best is not null && best.Score >= threshold, threshold, best, hits);
        });
    }

    public static async Task<Results<Ok<ReindexResult>, ProblemHttpResult>> Reindex(SearchIndexer indexer, CancellationToken ct) =>
        await Unavailable.Guard(() => indexer.ReindexAsync(ct));

    /// <summary>An embeddings endpoint or Qdrant that fails is a 503 naming which (with its message), not a bare 500.</summary>
    private static class Unavailable
    {
        public static async Task<Results<Ok<T>, ProblemHttpResult>> Guard<T>(Func<Task<T>> work)
        {
            try
            {
                return TypedResults.Ok(await work());
            }
            catch (EmbeddingProviderException ex)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The embeddings provider failed", detail: ex.Message);
            }
            catch (VectorIndexException ex)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The vector index failed", detail: ex.Message);
            }
        }
    }
}
