namespace ContentMachine.Cli.Api.Models;

/// <summary>The rendered video: <c>Url</c> is the gateway path that serves it (a redirect to storage).</summary>
public sealed record ProjectVideo(string Url, string CoverUrl, string VideoKey, string CoverKey, double DurationSeconds, int Width, int Height,
    long SizeBytes, string Sha256, DateTimeOffset RenderedAt);
