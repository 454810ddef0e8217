using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContentMachine.Publishing.Tests.Fakes;

/// <summary>YouTube's documented resumable upload protocol on a free loopback port, plus an OAuth token endpoint:
/// POST .../videos?uploadType=resumable -> 200 + Location (session); PUT chunks with Content-Range; 308 + Range while
/// incomplete; PUT "bytes */N" asks for the status; 200 + the video resource when complete. Faults are armed per test.</summary>
public sealed partial class FakeYouTubeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Session> _sessions = new();
    private readonly ConcurrentDictionary<string, bool> _validTokens = new();
    private int _tokenCounter;

    private FakeYouTubeServer(WebApplication app) => _app = app;

    public Uri BaseUri => new(_app.Urls.First() + "/");
    public string UploadBaseUri => BaseUri + "upload/youtube/v3/";
    public string TokenUri => BaseUri + "token";

    public int InitiateCount;
    public int ChunkPutCount;
    public int StatusQueryCount;
    public int RefreshCount;
    public readonly ConcurrentQueue<string> TokenRequests = new();
    public readonly ConcurrentQueue<string> AuthorizationHeaders = new();

    // Faults, each consumed once when it fires.
    public int FailNextInitiations;           // 503 on the initiation POST
    public bool QuotaExceededOnInitiation;    // 403 quotaExceeded
    public int DropMidChunkAt = -1;           // chunk PUT number (1-based) whose connection is cut halfway
    public int ServiceUnavailableAt = -1;     // chunk PUT number answered 503 (bytes discarded)
    public int InternalErrorAt = -1;          // chunk PUT number answered 500 (bytes discarded)
    public int ShortRangeAt = -1;             // chunk PUT number of which only half is kept (308 with a shorter Range)
    public int RevokeTokensAt = -1;           // chunk PUT number before which every issued access token stops working (401)
    /// <summary>Chunk PUTs from this number on wait until <see cref="ReleaseStall"/> (a service killed mid-upload).</summary>
    public int StallFrom = -1;
    private TaskCompletionSource _stallReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource StallReached { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<Session> Sessions => _sessions.Values.ToList();
    public Session OnlySession => _sessions.Values.Single();

    public string AuthorizationCodeGranted { get; set; } = "good-code";

    public static async Task<FakeYouTubeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeYouTubeServer(app);
        app.MapPost("/upload/youtube/v3/videos", (Delegate)server.InitiateAsync);
        app.MapPut("/upload/youtube/v3/videos", (Delegate)server.PutAsync);
        app.MapPost("/token", (Delegate)server.TokenAsync);
        await app.StartAsync();
        return server;
    }

    public void ReleaseStall()
    {
        StallFrom = -1;
        _stallReleased.TrySetResult();
    }

    public void RevokeAllTokens()
    {
        foreach (var key in _validTokens.Keys) _validTokens[key] = false;
    }

    private bool Authorized(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        AuthorizationHeaders.Enqueue(header);
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && _validTokens.TryGetValue(header[7..], out var valid) && valid;
    }

    private async Task<IResult> InitiateAsync(HttpContext http)
    {
        if (!Authorized(http)) return Error(401, "authError", "Invalid Credentials");
        if (FailNextInitiations > 0 && Interlocked.Decrement(ref FailNextInitiations) >= 0) return Error(503, "backendError", "Backend Error");
        if (QuotaExceededOnInitiation) return Error(403, "quotaExceeded", "The request cannot be completed because you have exceeded your quota.");
        if (http.Request.Query["uploadType"] != "resumable" || http.Request.Query["part"] != "snippet,status")
            return Error(400, "invalidParameter", "uploadType=resumable and part=snippet,status expected");

        Stream body = http.Request.Body;
        if (http.Request.Headers.ContentEncoding == "gzip") body = new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(body);
        var json = await reader.ReadToEndAsync();
        var total = long.Parse(http.Request.Headers["X-Upload-Content-Length"].ToString());
        var session = new Session(Guid.NewGuid().ToString("N"), JsonDocument.Parse(json).RootElement.Clone(), total,
            http.Request.Headers["X-Upload-Content-Type"].ToString());
        _sessions[session.Id] = session;
        Interlocked.Increment(ref InitiateCount);
        http.Response.Headers.Location = $"{BaseUri}upload/youtube/v3/videos?uploadType=resumable&upload_id={session.Id}";
        return Results.Ok();
    }

    private async Task<IResult> PutAsync(HttpContext http)
    {
        if (!_sessions.TryGetValue(http.Request.Query["upload_id"].ToString(), out var session)) return Error(404, "notFound", "No such upload session");
        var range = http.Request.Headers.ContentRange.ToString();
        if (StatusQuery().Match(range) is { Success: true })
        {
            Interlocked.Increment(ref StatusQueryCount);
            await http.Request.Body.CopyToAsync(Stream.Null);
            return session.Complete ? Completed(session) : Incomplete(http, session);
        }
        var number = Interlocked.Increment(ref ChunkPutCount);
        if (number == RevokeTokensAt) RevokeAllTokens();
        if (!Authorized(http))
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            return Error(401, "authError", "Invalid Credentials");
        }
        if (StallFrom > 0 && number >= StallFrom)
        {
            StallReached.TrySetResult();
            await _stallReleased.Task.WaitAsync(http.RequestAborted);
        }
        var match = ChunkRange().Match(range);
        if (!match.Success) return Error(400, "badContentRange", $"Content-Range {range}");
        var first = long.Parse(match.Groups[1].Value);
        using var buffer = new MemoryStream();
        if (number == DropMidChunkAt)
        {
            var half = new byte[Math.Max(1, (http.Request.ContentLength ?? 2) / 2)];
            await http.Request.Body.ReadAtLeastAsync(half, half.Length, throwOnEndOfStream: false);
            http.Abort();
            return Results.Empty;
        }
        await http.Request.Body.CopyToAsync(buffer);
        if (number == ServiceUnavailableAt) return Error(503, "backendError", "Service Unavailable");
        if (number == InternalErrorAt) return Error(500, "backendError", "Internal Error");
        var bytes = buffer.ToArray();
        if (number == ShortRangeAt) bytes = bytes[..(bytes.Length / 2)];
        lock (session)
        {
            if (first == session.Received.Length) session.Received.Write(bytes);
        }
        return session.Complete ? Completed(session) : Incomplete(http, session);
    }

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        TokenRequests.Enqueue(string.Join('&', form.Select(kv => $"{kv.Key}={kv.Value}")));
        var access = $"access-{Interlocked.Increment(ref _tokenCounter)}";
        switch (form["grant_type"].ToString())
        {
            case "refresh_token" when form["refresh_token"].ToString().Length > 0 && form["client_secret"].ToString().Length > 0:
                Interlocked.Increment(ref RefreshCount);
                _validTokens[access] = true;
                return Results.Json(new { access_token = access, expires_in = 3600, token_type = "Bearer" });
            case "authorization_code" when form["code"] == AuthorizationCodeGranted:
                _validTokens[access] = true;
                return Results.Json(new { access_token = access, refresh_token = "refresh-from-code", expires_in = 3600, token_type = "Bearer",
                    scope = "https://www.googleapis.com/auth/youtube.upload" });
            default:
                return Results.Json(new { error = "invalid_grant", error_description = "Bad Request" }, statusCode: 400);
        }
    }

    private static IResult Incomplete(HttpContext http, Session session)
    {
        if (session.Received.Length > 0) http.Response.Headers.Range = $"bytes=0-{session.Received.Length - 1}";
        return Results.StatusCode(308);
    }

    private static IResult Completed(Session session) => Results.Json(new
    {
        kind = "youtube#video",
        id = session.VideoId,
        snippet = session.Metadata.GetProperty("snippet"),
        status = session.Metadata.GetProperty("status"),
    });

    private static IResult Error(int status, string reason, string message) => Results.Json(
        new { error = new { code = status, message, errors = new[] { new { message, domain = "youtube", reason } } } }, statusCode: status);

    public async ValueTask DisposeAsync()
    {
        _stallReleased.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex(@"^bytes \*/(\d+)$")]
    private static partial Regex StatusQuery();

    [GeneratedRegex(@"^bytes (\d+)-(\d+)/(\d+|\*)$")]
    private static partial Regex ChunkRange();

    public sealed class Session(string id, JsonElement metadata, long total, string contentType)
    {
        public string Id { get; } = id;
        public string VideoId { get; } = "vid-" + id[..8];
        public JsonElement Metadata { get; } = metadata;
        public long Total { get; } = total;
        public string ContentType { get; } = contentType;
        public MemoryStream Received { get; } = new();
        public bool Complete => Received.Length == Total;
    }
}
