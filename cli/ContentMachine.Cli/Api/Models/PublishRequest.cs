namespace ContentMachine.Cli.Api.Models;

/// <summary>POST /api/projects/{id}/publish.</summary>
public sealed record PublishRequest(IReadOnlyList<string> Platforms, DateTimeOffset? PublishAt);
