using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContentMachine.Search.Indexing.Qdrant;

/// <summary>Qdrant over its REST API (no client package restores here). One collection of cosine vectors; points are
/// upserted and deleted with <c>wait=true</c> (a write is searchable when it returns) and queried with
/// <c>/points/query</c>, a payload filter and a score threshold. The collection is created on first use, and again if it
/// disappears (a 404). Qdrant's errors (<c>{"status":{"error":"..."}}</c>) become <see cref="VectorIndexException"/>s
/// carrying its message; 5xx, 429 and network failures are marked transient (the consumer's retry and the HTTP
/// pipeline's retries of PUTs handle them).</summary>
public sealed class QdrantVectorIndex(HttpClient http, IOptions<QdrantOptions> options, IOptions<EmbeddingOptions> embedding, ILogger<QdrantVectorIndex> logger)
    : IVectorIndex
{
    public const string HttpClientName = "qdrant";

    private readonly QdrantOptions _options = options.Value;
    private readonly int _dimensions = embedding.Value.Dimensions;
    private volatile bool _collectionReady;

    public string Name => "qdrant";

    private string CollectionPath => "collections/" + Uri.EscapeDataString(_options.Collection);

    public async Task InitializeAsync(CancellationToken ct)
    {
        try
        {
            await EnsureCollectionAsync(ct);
        }
        catch (VectorIndexException ex)
        {
            // Qdrant may come up after the service: the collection is then made on first use.
            logger.LogWarning("Qdrant collection {Collection} could not be checked at start: {Reason}", _options.Collection, ex.Message);
        }
    }

    public Task UpsertAsync(IReadOnlyCollection<VectorPoint> points, CancellationToken ct)
    {
        if (points.Count == 0) return Task.CompletedTask;
        var body = new JsonObject
        {
            ["points"] = new JsonArray(points.Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.Id.ToString(),
                ["vector"] = ToJson(p.Vector.Span),
                ["payload"] = ToJson(p.Payload),
            }).ToArray()),
        };
        return SendToCollectionAsync(HttpMethod.Put, "/points?wait=true", body, ct);
    }

    public Task DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? Task.CompletedTask
        : SendToCollectionAsync(HttpMethod.Post, "/points/delete?wait=true",
            new JsonObject { ["points"] = new JsonArray(ids.Select(id => (JsonNode)JsonValue.Create(id.ToString())).ToArray()) }, ct);

    public Task DeleteAsync(SearchFilter filter, CancellationToken ct) =>
        filter.IsEmpty
            ? throw new ArgumentException("Deleting by an empty filter would delete every point.", nameof(filter))
            : SendToCollectionAsync(HttpMethod.Post, "/points/delete?wait=true", new JsonObject { ["filter"] = ToJson(filter) }, ct);

    public async Task<IReadOnlyList<VectorMatch>> QueryAsync(ReadOnlyMemory<float> vector, SearchFilter filter, int limit, float? scoreThreshold, CancellationToken ct)
    {
        var body = new JsonObject { ["query"] = ToJson(vector.Span), ["limit"] = limit, ["with_payload"] = true };
        if (!filter.IsEmpty) body["filter"] = ToJson(filter);
        if (scoreThreshold is { } threshold) body["score_threshold"] = threshold;
        using var response = await SendToCollectionAsync(HttpMethod.Post, "/points/query", body, ct);
        var points = response.RootElement.GetProperty("result").GetProperty("points");
        return points.EnumerateArray().Select(p => new VectorMatch(
            Guid.Parse(p.GetProperty("id").GetString()!), p.GetProperty("score").GetSingle(), FromJson(p.GetProperty("payload")))).ToList();
    }

    public async Task<long> CountAsync(CancellationToken ct)
    {
        using var response = await SendToCollectionAsync(HttpMethod.Post, "/points/count", new JsonObject { ["exact"] = true }, ct);
        return response.RootElement.GetProperty("result").GetProperty("count").GetInt64();
    }

    /// <summary>The collection's status as Qdrant reports it (<c>green</c>, <c>yellow</c>, <c>red</c>), for /health; a missing
    /// collection is created first.</summary>
    public async Task<string> CollectionStatusAsync(CancellationToken ct)
    {
        if (!_collectionReady) await EnsureCollectionAsync(ct);
        using var response = await SendAsync(HttpMethod.Get, CollectionPath, null, ct);
        return response.RootElement.TryGetProperty("result", out var result) && result.TryGetProperty("status", out var status)
            ? status.GetString() ?? "unknown"
            : "unknown";
    }

    /// <summary>Sends to the collection, creating it and trying once more when Qdrant says it does not exist.</summary>
    private async Task<JsonDocument> SendToCollectionAsync(HttpMethod method, string path, JsonObject body, CancellationToken ct)
    {
        if (!_collectionReady) await EnsureCollectionAsync(ct);
        try
        {
            return await SendAsync(method, CollectionPath + path, body, ct);
        }
        catch (VectorIndexException ex) when (ex.StatusCode == (int)HttpStatusCode.NotFound)
        {
            logger.LogWarning("Qdrant collection {Collection} is missing ({Reason}): creating it", _options.Collection, ex.Message);
            _collectionReady = false;
            await EnsureCollectionAsync(ct);
            return await SendAsync(method, CollectionPath + path, body, ct);
        }
    }

    private async Task EnsureCollectionAsync(CancellationToken ct)
    {
        try
        {
            (await SendAsync(HttpMethod.Get, CollectionPath, null, ct)).Dispose();
        }
        catch (VectorIndexException ex) when (ex.StatusCode == (int)HttpStatusCode.NotFound)
        {
            var create = new JsonObject { ["vectors"] = new JsonObject { ["size"] = _dimensions, ["distance"] = "Cosine" } };
            try
            {
                (await SendAsync(HttpMethod.Put, CollectionPath, create, ct)).Dispose();
                logger.LogInformation("Created Qdrant collection {Collection} ({Dimensions} dimensions, cosine)", _options.Collection, _dimensions);
            }
            catch (VectorIndexException conflict) when (conflict.StatusCode == (int)HttpStatusCode.Conflict)
            {
                // another replica created it meanwhile
            }
            foreach (var field in (string[])["status", "topic_key", "project_id"])
                (await SendAsync(HttpMethod.Put, CollectionPath + "/index?wait=true",
                    new JsonObject { ["field_name"] = field, ["field_schema"] = "keyword" }, ct)).Dispose();
        }
        _collectionReady = true;
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(_options.Endpoint!, path));
        if (body is not null)
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        if (!string.IsNullOrEmpty(_options.Key)) request.Headers.Add("api-key", _options.Key);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new VectorIndexException($"Qdrant at {_options.Endpoint!.GetLeftPart(UriPartial.Authority)} could not be reached: {ex.Message}", null, true, ex);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                throw new VectorIndexException($"Qdrant answered {status} to {method} {request.RequestUri!.AbsolutePath}: {ErrorMessage(text) ?? response.ReasonPhrase}",
                    status, status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout);
            }
            try
            {
                return JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            }
            catch (JsonException ex)
            {
                throw new VectorIndexException($"Qdrant answered {method} {request.RequestUri!.AbsolutePath} with something that is not JSON: {ex.Message}", (int)response.StatusCode, false, ex);
            }
        }
    }

    private static string? ErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
                   && status.TryGetProperty("error", out var error)
                ? error.GetString()
                : null;
        }
        catch (JsonException)
        {
            return body.Length == 0 ? null : body[..Math.Min(body.Length, 300)];
        }
    }

    private static JsonArray ToJson(ReadOnlySpan<float> vector)
    {
        var array = new JsonArray();
        foreach (var value in vector) array.Add(value);
        return array;
    }

    internal static JsonObject ToJson(SearchPayload payload) => new()
    {
        ["project_id"] = payload.ProjectId.ToString(),
        ["title"] = payload.Title,
        ["topic"] = payload.Topic,
        ["topic_key"] = payload.TopicKey,
        ["archetype"] = payload.Archetype,
        ["status"] = payload.Status,
        ["created_at"] = payload.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["platforms"] = new JsonArray(payload.Platforms.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
    };

    internal static SearchPayload FromJson(JsonElement payload) => new(
        Guid.Parse(payload.GetProperty("project_id").GetString()!),
        payload.GetProperty("title").GetString() ?? "",
        payload.GetProperty("topic").GetString() ?? "",
        payload.GetProperty("archetype").GetString() ?? "",
        payload.GetProperty("status").GetString() ?? "",
        DateTimeOffset.Parse(payload.GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture),
        payload.GetProperty("platforms").EnumerateArray().Select(p => p.GetString() ?? "").ToList());

    internal static JsonObject ToJson(SearchFilter filter)
    {
        var must = new JsonArray();
        void Match(string key, string value) => must.Add(new JsonObject { ["key"] = key, ["match"] = new JsonObject { ["value"] = value } });
        if (filter.Status is { } status) Match("status", status);
        if (filter.Topic is { } topic) Match("topic_key", SearchPayload.NormalizeTopic(topic));
        if (filter.ProjectId is { } projectId) Match("project_id", projectId.ToString());
        var result = new JsonObject();
        if (must.Count > 0) result["must"] = must;
        if (filter.ExcludeProjectId is { } excluded)
            result["must_not"] = new JsonArray(new JsonObject { ["has_id"] = new JsonArray(JsonValue.Create(excluded.ToString())) });
        return result;
    }
}
