namespace ContentMachine.Cli.Configuration;

/// <summary>The gateway and API key a command uses, with where each came from (to explain, never to print the key).</summary>
public sealed record CliSettings(Uri Url, string UrlSource, string? ApiKey, string? ApiKeySource, string ConfigPath)
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>The key as diagnostics show it: whether there is one and where it came from, not a character of it.</summary>
    public string MaskedApiKey => ApiKey is null ? "not set" : $"******** ({ApiKey.Length} characters, from {ApiKeySource})";

    /// <summary><paramref name="text"/> with the key blanked out, for anything that might echo it back (a server's message).</summary>
    public string Redact(string text) => ApiKey is { Length: > 0 } key ? text.Replace(key, "********", StringComparison.Ordinal) : text;
}
