namespace ContentMachine.Cli.Api.Models;

/// <summary>The project's view of its video on one platform: pending, scheduled, published or failed.</summary>
public sealed record ProjectPublication(string Platform, string Status, DateTimeOffset? ScheduledFor, string? Url, string? Error, DateTimeOffset UpdatedAt);
