namespace ContentMachine.Gateway.Auth;

/// <summary>What a key (or a token) may do. <see cref="Admin"/> implies every other scope.</summary>
public static class ApiKeyScopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Publish = "publish";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Read, Write, Publish, Admin];

    /// <summary>The claim each granted scope is carried in (one claim per scope).</summary>
    public const string ClaimType = "scope";

    public static bool IsKnown(string scope) => All.Contains(scope);

    public static bool Grants(IEnumerable<string> granted, string required) =>
        granted.Any(s => s == Admin || s == required);
}
