using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentMachine.Cli.Tests;

/// <summary>The gateway's public API as <c>cm</c> uses it, in process on a free loopback port: projects whose run
/// advances one step per event (or per GET when <see cref="WithoutEventStream"/>), storage objects behind the video's
/// redirect, search, publications and packages; every request recorded, and an API key required when set.</summary>
public sealed class FakeGateway : IAsyncDisposable
{
    private TestBackend _backend = null!;

    public ConcurrentDictionary<Guid, FakeProject> Projects { get; } = new();
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public string? RequiredKey { get; init; }
    public RunOutcome Outcome { get; init; } = RunOutcome.Renders;
    public bool WithoutEventStream { get; init; }

    /// <summary>The project turns rendered while its last stage's completion is still on its way (the stream then ends
    /// without it), as the real read model may order them.</summary>
    public bool RenderedBeforeLastStage { get; init; }
    public byte[] VideoBytes { get; init; } = RandomBytes(300_000);
    public string? FailingPlatform { get; init; }
    public Uri Url => _backend.Url;

    public sealed record RecordedRequest(string Method, string Path, string? ApiKey, string Body);

    public static async Task<FakeGateway> StartAsync(FakeGateway gateway)
    {
        gateway._backend = await TestBackend.StartAsync(gateway.Map);
        return gateway;
    }

    public static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(count).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A project that has already rendered (for get, download and publish).</summary>
    public FakeProject AddRendered(string topic)
    {
        var project = new FakeProject(Guid.CreateVersion7(), topic) { Status = "rendered", Progress = 100, Video = VideoBytes };
        foreach (var stage in Contracts.Stages.All) project.Stages[stage] = ("completed", null);
        Projects[project.Id] = project;
        return project;
    }

    private void Map(WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            http.Request.EnableBuffering();
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            http.Request.Body.Position = 0;
            string? key = http.Request.Headers["X-Api-Key"];
            Requests.Enqueue(new RecordedRequest(http.Request.Method, http.Request.Path + http.Request.QueryString, key, body));
            if (RequiredKey is not null && key != RequiredKey)
            {
                // Echoes the key back, as a careless server might: cm must not print it.
                await Problem(401, "Unauthorized", $"The API key '{key}' is not valid.").ExecuteAsync(http);
                return;
            }
            await next(http);
        });
        app.MapPost("/api/projects", (JsonElement body) =>
        {
            var topic = body.GetProperty("topic").GetString()!;
            if (topic.Length < 3)
                return Results.Json(new { title = "One or more fields are invalid.", status = 400, errors = new { topic = new[] { "The topic must be 3-200 characters." } } },
                    statusCode: 400, contentType: "application/problem+json");
            var project = new FakeProject(Guid.CreateVersion7(), topic);
            if (body.TryGetProperty("draft", out var draft) && draft.GetBoolean()) project.Status = "draft";
            Projects[project.Id] = project;
            return Results.Json(project.Details(), statusCode: 201);
        });
        app.MapGet("/api/projects", () => Results.Json(new
        {
            items = Projects.Values.Select(p => new { id = p.Id, title = $"About {p.Topic}", topic = p.Topic, status = p.Status, progress = p.Progress,
                hasVideo = p.Video is not null, createdAt = DateTimeOffset.UtcNow, updatedAt = DateTimeOffset.UtcNow }).ToList(),
            total = Projects.Count, nextCursor = (string?)null,
        }));
        app.MapGet("/api/projects/{id:guid}", (Guid id) =>
        {
            if (!Projects.TryGetValue(id, out var project)) return NotFound(id);
            if (WithoutEventStream) Advance(project).ToList();
            return Results.Json(project.Details());
        });
        app.MapGet("/api/projects/{id:guid}/events", (Guid id, CancellationToken ct) =>
            WithoutEventStream || !Projects.TryGetValue(id, out var project) ? NotFound(id) : TypedResults.ServerSentEvents(Stream(project, ct)));
        app.MapPost("/api/projects/{id:guid}/cancel", (Guid id) =>
        {
            if (!Projects.TryGetValue(id, out var project)) return NotFound(id);
            project.Change(p => p.Status = "cancelled");
            return Results.Json(project.Details(), statusCode: 202);
        });
        app.MapPost("/api/projects/{id:guid}/publish", (Guid id, JsonElement body) =>
        {
            if (!Projects.TryGetValue(id, out var project)) return NotFound(id);
            project.Change(p =>
            {
                p.Status = "publishing";
                p.Publications.AddRange(body.GetProperty("platforms").EnumerateArray().Select(x => (x.GetString()!, "pending", (string?)null)));
            });
            return Results.Json(project.Details(), statusCode: 202);
        });
        app.MapGet("/api/projects/{id:guid}/video", (Guid id) => Results.Redirect($"/api/storage/objects/projects/{id}/outputs/final.mp4"));
        app.MapGet("/api/storage/objects/projects/{id:guid}/outputs/final.mp4", (Guid id) =>
            Projects.TryGetValue(id, out var p) && p.Video is { } video ? Results.Bytes(video, "video/mp4") : NotFound(id));
        app.MapGet("/api/storage/objects/projects/{id:guid}/outputs/captions.srt", () => Results.Text("1\n00:00:00,000 --> 00:00:01,000\nHello\n"));
        app.MapGet("/api/publishing/publications", (Guid projectId) => Results.Json(Projects[projectId].Publications.Select(p => new
        {
            id = projectId, projectId, platform = p.Platform, mode = "export", status = p.Status, url = (string?)null,
            exportKey = p.Status == "published" ? $"exports/{projectId}/{p.Platform}.zip" : null, error = p.Error,
        })));
        app.MapGet("/api/publishing/publications/{id:guid}/package", () => Results.Bytes(RandomBytes(5000), "application/zip"));
        app.MapGet("/api/search", (string q) => Results.Json(new
        {
            query = q, index = "embedded",
            results = Projects.Values.Select(p => new { projectId = p.Id, score = 0.91, title = $"About {p.Topic}", topic = p.Topic, archetype = "listicle",
                status = "rendered", createdAt = DateTimeOffset.UtcNow, platforms = Array.Empty<string>() }),
        }));
    }

    private async IAsyncEnumerable<SseItem<object>> Stream(FakeProject project, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var stage in Contracts.Stages.All) yield return new SseItem<object>(project.Stage(stage), "stage");
        yield return new SseItem<object>(new { percent = project.Progress }, "progress");
        yield return new SseItem<object>(project.StatusEvent(), "status");
        while (true)
        {
            var events = Advance(project).ToList();
            if (events.Count == 0) break;
            foreach (var item in events) yield return item;
            await Task.Delay(5, ct);
        }
        if (project.Status is not ("rendered" or "failed" or "cancelled" or "published"))
            await Task.Delay(Timeout.Infinite, ct); // a stalled run: the stream stays open
    }

    /// <summary>One step of the project's run (or of its publications), applied, as the events it raises.</summary>
    private IEnumerable<SseItem<object>> Advance(FakeProject project)
    {
        SseItem<object> Stage(string name, string status, string? error = null)
        {
            project.Change(p => p.Stages[name] = (status, error));
            return new SseItem<object>(project.Stage(name), "stage");
        }
        SseItem<object> Status(string status, (string, string)? failure = null)
        {
            project.Change(p => (p.Status, p.Failure) = (status, failure));
            return new SseItem<object>(project.StatusEvent(), "status");
        }

        if (project.Status == "queued")
        {
            yield return Status("running");
            yield break;
        }
        if (project.Status == "publishing")
        {
            for (var i = 0; i < project.Publications.Count; i++)
            {
                var (platform, _, _) = project.Publications[i];
                var failed = platform == FailingPlatform;
                project.Change(p => p.Publications[i] = (platform, failed ? "failed" : "published", failed ? "the platform said no" : null));
                yield return new SseItem<object>(project.Publication(project.Publications[i]), "publication");
            }
            yield return Status(FailingPlatform is null ? "published" : "failed", FailingPlatform is null ? null : ("publish", "Publishing failed"));
            yield break;
        }
        if (project.Status != "running") yield break;
        var next = Contracts.Stages.All.FirstOrDefault(s => project.Stages[s].Status != "completed");
        if (next is null)
        {
            project.Change(p => p.Video = VideoBytes);
            yield return Status("rendered");
        }
        else if (project.Stages[next].Status == "pending")
        {
            if (Outcome == RunOutcome.Stalls && next != "script") yield break;
            yield return Stage(next, "running");
        }
        else if (Outcome == RunOutcome.FailsAtVisuals && next == "visuals")
        {
            yield return Stage(next, "failed", "the upload 0196 is not there");
            yield return Status("failed", ("visuals", "the upload 0196 is not there"));
        }
        else if (project.Stages[next].Status == "running" && RenderedBeforeLastStage && next == Contracts.Stages.All[^1])
        {
            project.Change(p => (p.Stages[next], p.Video, p.Progress) = (("completed", null), VideoBytes, 100));
            yield return Status("rendered");
        }
        else if (project.Stages[next].Status == "running")
        {
            yield return Stage(next, "completed");
            project.Change(p => p.Progress = (Contracts.Stages.All.ToList().IndexOf(next) + 1) * 100 / Contracts.Stages.All.Count);
            yield return new SseItem<object>(new { percent = project.Progress }, "progress");
        }
    }

    private static IResult NotFound(Guid id) =>
        Problem(404, "Project not found", $"No project has the id {id}.");

    private static IResult Problem(int status, string title, string detail) =>
        Results.Json(new { title, detail, status }, statusCode: status, contentType: "application/problem+json");

    public ValueTask DisposeAsync() => _backend.DisposeAsync();
}

public enum RunOutcome
{
    Renders,
    FailsAtVisuals,
    Stalls,
}
