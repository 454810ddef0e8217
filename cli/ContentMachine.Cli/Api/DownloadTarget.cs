namespace ContentMachine.Cli.Api;

/// <summary>What to download and what it must be: the size and sha256 the API recorded, where it knows them.</summary>
public sealed record DownloadTarget(string Path, string What, string DefaultFileName, long? ExpectedBytes = null, string? ExpectedSha256 = null);
