using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentMachine.Search.Tests;

/// <summary>An in-process Qdrant: the REST subset the adapter uses (collections get/create, payload index, points
/// upsert/query/delete/count) with Qdrant's shapes, its error bodies (<c>{"status":{"error":"..."},"time":0}</c>) and
/// its api-key check. Faults can be injected for the next requests.</summary>
public sealed class FakeQdrant : IAsyncDisposable
{
    private readonly TestBackend _backend;
    private readonly ConcurrentQueue<(int Status, string Error)> _faults = new();

    private FakeQdrant(TestBackend backend, string apiKey, State state)
    {
        _backend = backend;
        ApiKey = apiKey;
        _state = state;
    }

    private readonly State _state;

    public string ApiKey { get; }
    public Uri Url => _backend.Url;
    public ConcurrentQueue<string> Requests => _state.Requests;
    public IReadOnlyDictionary<string, Collection> Collections => _state.Collections;

    public void FailNext(int status, string error) => _faults.Enqueue((status, error));

    public void DropCollection(string name) => _state.Collections.TryRemove(name, out _);

    public static async Task<FakeQdrant> StartAsync(string apiKey = "qdrant-secret")
    {
        var state = new State();
        FakeQdrant? self = null;
        var backend = await TestBackend.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                state.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
                if (context.Request.Headers["api-key"] != apiKey)
                {
                    context.Response.StatusCode = 401;
                    await context.Response.WriteAsync("Invalid api-key");
                    return;
                }
                if (self!._faults.TryDequeue(out var fault))
                {
                    await Error(context, fault.Status, fault.Error).ExecuteAsync(context);
                    return;
                }
                await next(context);
            });
            app.MapGet("/collections/{name}", (string name, HttpContext http) =>
                state.Collections.TryGetValue(name, out var c)
                    ? Ok(http, new JsonObject { ["status"] = "green", ["points_count"] = c.Points.Count, ["config"] = new JsonObject { ["params"] = new JsonObject { ["vectors"] = new JsonObject { ["size"] = c.Size, ["distance"] = c.Distance } } } })
                    : NotFound(http, name));
            app.MapPut("/collections/{name}", async (string name, HttpContext http) =>
            {
                var body = await Body(http);
                var vectors = body["vectors"];
                if (vectors?["size"] is null || vectors["distance"] is null) return Error(http, 400, "Wrong input: missing field `vectors`");
                return state.Collections.TryAdd(name, new Collection((int)vectors["size"]!, (string)vectors["distance"]!))
                    ? Ok(http, true)
                    : Error(http, 409, $"Wrong input: Collection `{name}` already exists!");
            });
            app.MapPut("/collections/{name}/index", async (string name, HttpContext http) =>
            {
                if (!state.Collections.TryGetValue(name, out var c)) return NotFound(http, name);
                c.IndexedFields.Add((string)(await Body(http))["field_name"]!);
                return Ok(http, new JsonObject { ["operation_id"] = 1, ["status"] = "completed" });
            });
            app.MapPut("/collections/{name}/points", async (string name, HttpContext http) =>
            {
                if (!state.Collections.TryGetValue(name, out var c)) return NotFound(http, name);
                var points = (await Body(http))["points"]!.AsArray();
                foreach (var p in points)
                {
                    var vector = p!["vector"]!.AsArray().Select(v => (float)v!).ToArray();
                    if (vector.Length != c.Size) return Error(http, 400, $"Wrong input: Vector dimension error: expected dim: {c.Size}, got {vector.Length}");
                }
                foreach (var p in points)
                    c.Points[(string)p!["id"]!] = (p["vector"]!.AsArray().Select(v => (float)v!).ToArray(), p["payload"]!.AsObject().DeepClone().AsObject());
                return Ok(http, new JsonObject { ["operation_id"] = 2, ["status"] = http.Request.Query["wait"] == "true" ? "completed" : "acknowledged" });
            });
            app.MapPost("/collections/{name}/points/query", async (string name, HttpContext http) =>
            {
                if (!state.Collections.TryGetValue(name, out var c)) return NotFound(http, name);
                var body = await Body(http);
                var query = body["query"]!.AsArray().Select(v => (float)v!).ToArray();
                if (query.Length != c.Size) return Error(http, 400, $"Wrong input: Vector dimension error: expected dim: {c.Size}, got {query.Length}");
                var threshold = (float?)body["score_threshold"];
                var hits = c.Points.Where(p => Matches(p.Key, p.Value.Payload, body["filter"]))
                    .Select(p => (Id: p.Key, p.Value.Payload, Score: Cosine(query, p.Value.Vector)))
                    .Where(p => threshold is null || p.Score >= threshold)
                    .OrderByDescending(p => p.Score).Take((int?)body["limit"] ?? 10)
                    .Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["version"] = 3, ["score"] = p.Score, ["payload"] = body["with_payload"]?.GetValue<bool>() == true ? p.Payload.DeepClone() : null })
                    .ToArray();
                return Ok(http, new JsonObject { ["points"] = new JsonArray(hits) });
            });
            app.MapPost("/collections/{name}/points/delete", async (string name, HttpContext http) =>
            {
                if (!state.Collections.TryGetValue(name, out var c)) return NotFound(http, name);
                var body = await Body(http);
                if (body["points"] is JsonArray ids) foreach (var id in ids) c.Points.TryRemove((string)id!, out _);
                else if (body["filter"] is { } filter)
                    foreach (var p in c.Points.Where(p => Matches(p.Key, p.Value.Payload, filter)).ToList()) c.Points.TryRemove(p.Key, out _);
                else return Error(http, 400, "Wrong input: either points or filter is required");
                return Ok(http, new JsonObject { ["operation_id"] = 3, ["status"] = "completed" });
            });
            app.MapPost("/collections/{name}/points/count", (string name, HttpContext http) =>
                state.Collections.TryGetValue(name, out var c) ? Ok(http, new JsonObject { ["count"] = c.Points.Count }) : NotFound(http, name));
        });
        self = new FakeQdrant(backend, apiKey, state);
        return self;
    }

    private static bool Matches(string id, JsonObject payload, JsonNode? filter)
    {
        if (filter is null) return true;
        foreach (var condition in filter["must"]?.AsArray() ?? [])
            if ((string?)payload[(string)condition!["key"]!] != (string?)condition["match"]!["value"]) return false;
        foreach (var condition in filter["must_not"]?.AsArray() ?? [])
            if (condition!["has_id"]!.AsArray().Any(x => (string)x! == id)) return false;
        return true;
    }

    private static float Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return (float)(dot / Math.Sqrt(na * nb));
    }

    private static async Task<JsonObject> Body(HttpContext http) => (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();

    private static IResult Ok(HttpContext http, JsonNode? result) =>
        Results.Text(new JsonObject { ["result"] = result, ["status"] = "ok", ["time"] = 0.0001 }.ToJsonString(), "application/json", statusCode: 200);

    private static IResult NotFound(HttpContext http, string name) => Error(http, 404, $"Not found: Collection `{name}` doesn't exist!");

    private static IResult Error(HttpContext http, int status, string error) =>
        Results.Text(new JsonObject { ["status"] = new JsonObject { ["error"] = error }, ["time"] = 0.0 }.ToJsonString(), "application/json", statusCode: status);

    public ValueTask DisposeAsync() => _backend.DisposeAsync();

    public sealed record Collection(int Size, string Distance)
    {
        public ConcurrentDictionary<string, (float[] Vector, JsonObject Payload)> Points { get; } = new();
        public ConcurrentBag<string> IndexedFields { get; } = [];
    }

    private sealed class State
    {
        public ConcurrentDictionary<string, Collection> Collections { get; } = new();
        public ConcurrentQueue<string> Requests { get; } = new();
    }
}
