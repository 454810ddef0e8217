namespace ContentMachine.Publishing.Model;

/// <summary>The connected YouTube channel's OAuth refresh token, encrypted with Data Protection (never stored in clear).</summary>
public sealed class YouTubeConnection
{
    public const string DefaultId = "default";

    public string Id { get; private set; } = DefaultId;
    public string ProtectedRefreshToken { get; private set; } = "";
    public string Scope { get; private set; } = "";
    public DateTimeOffset ConnectedAt { get; private set; }

    public static YouTubeConnection Create(string protectedRefreshToken, string scope, DateTimeOffset now) =>
        new() { ProtectedRefreshToken = protectedRefreshToken, Scope = scope, ConnectedAt = now };

    public void Replace(string protectedRefreshToken, string scope, DateTimeOffset now)
    {
        ProtectedRefreshToken = protectedRefreshToken;
        Scope = scope;
        ConnectedAt = now;
    }
}
