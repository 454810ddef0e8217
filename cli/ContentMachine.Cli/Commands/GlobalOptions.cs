namespace ContentMachine.Cli.Commands;

/// <summary>Options every command takes (anywhere on the line). New instances per root command, so that parallel
/// invocations (tests) share nothing.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"Gateway URL (else CM_URL, else \"url\" in the config file, else {CliSettings.DefaultUrl}).", Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "API key, sent as X-Api-Key (else CM_API_KEY, else \"apiKey\" in the config file). Never printed.", Recursive = true,
    };
}
