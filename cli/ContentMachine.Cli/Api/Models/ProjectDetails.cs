namespace ContentMachine.Cli.Api.Models;

/// <summary>GET /api/projects/{id}: the project as the Projects API shows it. Statuses are the API's lowercase names.</summary>
public sealed record ProjectDetails(
    Guid Id, string Title, string Topic, string Status, ContentMachine.Contracts.VideoOptions? Options, Guid? RunId, int Attempt, int Progress,
    ProjectFailure? Failure, IReadOnlyList<string> Warnings, string? Description, IReadOnlyList<string> Hashtags, IReadOnlyList<ProjectScene> Scenes,
    IReadOnlyList<ProjectStage> Stages, ProjectVideo? Video, IReadOnlyList<ProjectPublication> Publications, string Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
