using ContentMachine.Publishing.Auth;
using ContentMachine.Publishing.Options;
using ContentMachine.Publishing.Quota;
using ContentMachine.ServiceDefaults.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.Publishing.Apis;

/// <summary>Connecting the YouTube channel (OAuth 2 authorization code, scope youtube.upload) and the quota it uploads under.</summary>
public static class YouTubeApi
{
    public static IEndpointRouteBuilder MapYouTubeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/publishing/youtube").WithTags("YouTube");
        api.MapPost("connect", Connect).WithName("ConnectYouTube")
            .WithSummary("Start connecting a channel: open the returned authorizationUrl in a browser signed in to it");
        api.MapGet("callback", Callback).WithName("YouTubeCallback").WithSummary("The OAuth redirect target: exchanges the code and stores the tokens encrypted");
        api.MapGet("connection", GetConnection).WithName("GetYouTubeConnection").WithSummary("Whether a channel is connected");
        api.MapDelete("connection", Disconnect).WithName("DisconnectYouTube").WithSummary("Forget the stored tokens");
        api.MapGet("quota", GetQuota).WithName("GetYouTubeQuota").WithSummary("Today's quota window: uploads and units used");
        return app;
    }

    public static Results<Ok<AuthorizationStart>, ProblemHttpResult> Connect(
        ConnectRequest? request, YouTubeAuthorization authorization, IOptions<YouTubeOptions> options, HttpRequest http)
    {
        if (!options.Value.HasClient)
            return ApiProblems.InvalidField("clientId", "Publishing:YouTube:ClientId and ClientSecret must be configured (an OAuth client of type web application).",
                "YouTube is not configured");
        var redirect = request?.RedirectUri ?? options.Value.RedirectUri ?? $"{http.Scheme}://{http.Host}/api/publishing/youtube/callback";
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out _)) return ApiProblems.InvalidField("redirectUri", "The redirectUri must be an absolute URI.");
        return TypedResults.Ok(authorization.Start(redirect));
    }

    public static async Task<Results<Ok<YouTubeConnectionState>, ProblemHttpResult>> Callback(
        string? code, string? state, string? error, YouTubeAuthorization authorization, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(error)) return ApiProblems.InvalidField("error", $"The authorization was not granted: {error}.", "YouTube was not connected");
        if (string.IsNullOrEmpty(code)) return ApiProblems.InvalidField("code", "The code query parameter is required.");
        if (string.IsNullOrEmpty(state)) return ApiProblems.InvalidField("state", "The state query parameter is required.");
        var (connected, problem) = await authorization.CompleteAsync(code, state, ct);
        return connected is null ? ApiProblems.InvalidField(problem!.StartsWith("The state") ? "state" : "code", problem, "YouTube was not connected") : TypedResults.Ok(connected);
    }

    public static async Task<Ok<YouTubeConnectionState>> GetConnection(YouTubeAuthorization authorization, CancellationToken ct) =>
        TypedResults.Ok(await authorization.StateAsync(ct));

    public static async Task<NoContent> Disconnect(YouTubeAuthorization authorization, CancellationToken ct)
    {
        await authorization.DisconnectAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<QuotaUsage>> GetQuota(QuotaLedger quota) => TypedResults.Ok(await quota.UsageAsync());
}

/// <param name="RedirectUri">Where Google sends the browser back (registered on the OAuth client); default: this API's callback.</param>
public sealed record ConnectRequest(string? RedirectUri);
