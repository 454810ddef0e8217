namespace ContentMachine.Cli.Configuration;

/// <summary>Each setting from the first place that has it: the command-line flag, then the environment (CM_URL,
/// CM_API_KEY), then the config file (CM_CONFIG, or ~/.config/contentmachine/cm.json), then the default.</summary>
public static class SettingsResolver
{
    public static CliSettings Resolve(string? urlFlag, string? apiKeyFlag, Func<string, string?> environment)
    {
        var path = ConfigPath(environment);
        var file = ConfigFile.Load(path);
        var (url, urlSource) = First((urlFlag, "--url"), (environment("CM_URL"), "CM_URL"), (file?.Url, path))
            ?? (CliSettings.DefaultUrl, "default");
        var key = First((apiKeyFlag, "--api-key"), (environment("CM_API_KEY"), "CM_API_KEY"), (file?.ApiKey, path));
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw CliException.Usage($"The gateway URL from {urlSource} is not an http(s) URL: {url}");
        return new CliSettings(uri, urlSource, key?.Value, key?.Source, path);
    }

    public static string ConfigPath(Func<string, string?> environment)
    {
        if (Present(environment("CM_CONFIG")) is { } explicitPath) return explicitPath;
        var configHome = Present(environment("XDG_CONFIG_HOME"))
            ?? Path.Combine(Present(environment("HOME")) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(configHome, "contentmachine", "cm.json");
    }

    private static (string Value, string Source)? First(params (string? Value, string Source)[] candidates) =>
        candidates.Where(c => Present(c.Value) is not null).Select(c => ((string Value, string Source)?)(c.Value!.Trim(), c.Source)).FirstOrDefault();

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
