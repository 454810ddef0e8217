namespace ContentMachine.Cli.Api.Models;

/// <summary>GET /api/projects: a page, newest first; <c>NextCursor</c> fetches the next one.</summary>
public sealed record ProjectPage(IReadOnlyList<ProjectSummary> Items, int Total, string? NextCursor);
