using System.Collections.Concurrent;
using System.Text.Json;
using ContentMachine.Publishing.Options;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.AspNetCore.DataProtection;

namespace ContentMachine.Publishing.Auth;

/// <summary>The channel's OAuth 2 credentials: the authorization-code flow (connect, callback), the refresh token stored
/// encrypted with Data Protection (or given in configuration), and a credential that refreshes its access token when it
/// has expired or the server answers 401. Tokens are never logged.</summary>
public sealed class YouTubeAuthorization(
    IServiceScopeFactory scopes, IDataProtectionProvider protection, IOptions<YouTubeOptions> options, TimeProvider clock,
    ILogger<YouTubeAuthorization> logger)
{
    private const string UserId = "publishing";
    private readonly IDataProtector _tokens = protection.CreateProtector("ContentMachine.Publishing.YouTube.RefreshToken");
    private readonly ITimeLimitedDataProtector _state = protection.CreateProtector("ContentMachine.Publishing.YouTube.OAuthState").ToTimeLimitedDataProtector();
    /// <summary>One credential per refresh token, so an access token is reused until it expires.</summary>
    private readonly ConcurrentDictionary<string, UserCredential> _credentials = new();

    private YouTubeOptions Options => options.Value;

    public async Task<YouTubeConnectionState> StateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<PublishingDbContext>().YouTubeConnections.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == YouTubeConnection.DefaultId, ct);
        if (connection is not null) return new YouTubeConnectionState(true, "connected", connection.ConnectedAt, connection.Scope, Options.HasClient);
        if (!string.IsNullOrWhiteSpace(Options.RefreshToken)) return new YouTubeConnectionState(true, "configuration", null, YouTubeOptions.UploadScope, Options.HasClient);
        return new YouTubeConnectionState(false, null, null, null, Options.HasClient);
    }

    /// <summary>The credential for uploads, or null when no channel is connected (nor configured).</summary>
    public async Task<UserCredential?> CredentialAsync(CancellationToken ct)
    {
        if (!Options.HasClient) return null;
        var refreshToken = await StoredRefreshTokenAsync(ct) ?? Options.RefreshToken;
        if (string.IsNullOrWhiteSpace(refreshToken)) return null;
        return _credentials.GetOrAdd(refreshToken, token => new UserCredential(Flow(), UserId, new TokenResponse { RefreshToken = token }));
    }

    /// <summary>Starts the authorization-code flow: the URL to open in a browser signed in to the channel's account.</summary>
    public AuthorizationStart Start(string redirectUri)
    {
        var state = _state.Protect(JsonSerializer.Serialize(new OAuthState(redirectUri, Guid.NewGuid())), TimeSpan.FromMinutes(15));
        var query = new Dictionary<string, string>
        {
            ["client_id"] = Options.ClientId!,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = YouTubeOptions.UploadScope,
            ["access_type"] = "offline", // a refresh token, so uploads work while nobody is signed in
            ["prompt"] = "consent",
            ["include_granted_scopes"] = "true",
            ["state"] = state,
        };
        var url = Options.AuthorizationUri + (Options.AuthorizationUri.Contains('?') ? "&" : "?")
            + string.Join('&', query.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}"));
        return new AuthorizationStart(url, state, redirectUri);
    }

    /// <summary>The callback: checks the state, exchanges the code at the token endpoint and stores the refresh token
    /// encrypted. Null and a reason when it cannot.</summary>
    public async Task<(YouTubeConnectionState? State, string? Problem)> CompleteAsync(string code, string state, CancellationToken ct)
    {
        OAuthState? expected;
        try
        {
            expected = JsonSerializer.Deserialize<OAuthState>(_state.Unprotect(state));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return (null, "The state is unknown or expired: start again with POST /api/publishing/youtube/connect.");
        }
        TokenResponse token;
        try
        {
            token = await Flow().ExchangeCodeForTokenAsync(UserId, code, expected!.RedirectUri, ct);
        }
        catch (TokenResponseException ex)
        {
            logger.LogWarning("The token endpoint refused the authorization code: {Error}", ex.Error?.Error);
            return (null, $"The token endpoint refused the code ({ex.Error?.Error}).");
        }
        if (string.IsNullOrWhiteSpace(token.RefreshToken))
            return (null, "The token endpoint returned no refresh token: revoke the app's access in the Google account and connect again.");

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PublishingDbContext>();
        var now = clock.GetUtcNow();
        var encrypted = _tokens.Protect(token.RefreshToken);
        var scopeText = token.Scope ?? YouTubeOptions.UploadScope;
        var existing = await db.YouTubeConnections.FirstOrDefaultAsync(c => c.Id == YouTubeConnection.DefaultId, ct);
        if (existing is null) db.YouTubeConnections.Add(YouTubeConnection.Create(encrypted, scopeText, now));
        else existing.Replace(encrypted, scopeText, now);
        await db.SaveChangesAsync(ct);
        _credentials.Clear();
        logger.LogInformation("YouTube channel connected (scope {Scope})", scopeText);
        return (new YouTubeConnectionState(true, "connected", now, scopeText, true), null);
    }

    public async Task<bool> DisconnectAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<PublishingDbContext>().YouTubeConnections
            .Where(c => c.Id == YouTubeConnection.DefaultId).ExecuteDeleteAsync(ct);
        _credentials.Clear();
        if (removed > 0) logger.LogInformation("YouTube channel disconnected: stored tokens deleted");
        return removed > 0;
    }

    private async Task<string?> StoredRefreshTokenAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<PublishingDbContext>().YouTubeConnections.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == YouTubeConnection.DefaultId, ct);
        return connection is null ? null : _tokens.Unprotect(connection.ProtectedRefreshToken);
    }

    private AuthorizationCodeFlow Flow() => new(new AuthorizationCodeFlow.Initializer(Options.AuthorizationUri, Options.TokenUri)
    {
        ClientSecrets = new ClientSecrets { ClientId = Options.ClientId, ClientSecret = Options.ClientSecret },
        Scopes = [YouTubeOptions.UploadScope],
    });

    private sealed record OAuthState(string RedirectUri, Guid Nonce);
}

public sealed record YouTubeConnectionState(bool Connected, string? Source, DateTimeOffset? ConnectedAt, string? Scope, bool ClientConfigured);

public sealed record AuthorizationStart(string AuthorizationUrl, string State, string RedirectUri);
