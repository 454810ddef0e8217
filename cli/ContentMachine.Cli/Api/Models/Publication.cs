namespace ContentMachine.Cli.Api.Models;

/// <summary>The Publishing service's publication (GET /api/publishing/publications?projectId=): an upload or an export package.</summary>
public sealed record Publication(Guid Id, Guid ProjectId, string Platform, string Mode, string Status, string? Url, string? ExportKey, string? Error,
    DateTimeOffset? PublishAt, DateTimeOffset? NextAttemptAt);
