using ContentMachine.ServiceDefaults.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.Projects.Apis;

public static partial class ProjectsApi
{
    public static Task<Results<Accepted<ProjectDetails>, ProblemHttpResult>> SubmitProject(Guid id, [AsParameters] ProjectsApiServices services, CancellationToken ct) =>
        ChangeAsync(id, services, (p, now) => p.Submit(now), ct);

    public static Task<Results<Accepted<ProjectDetails>, ProblemHttpResult>> CancelProject(Guid id, [AsParameters] ProjectsApiServices services, CancellationToken ct) =>
        ChangeAsync(id, services, (p, now) => p.Cancel(now), ct);

    public static Task<Results<Accepted<ProjectDetails>, ProblemHttpResult>> RetryProject(Guid id, [AsParameters] ProjectsApiServices services, CancellationToken ct) =>
        ChangeAsync(id, services, (p, now) => p.Retry(now), ct);

    public static Task<Results<Accepted<ProjectDetails>, ProblemHttpResult>> PublishProject(
        Guid id, PublishProjectRequest request, [AsParameters] ProjectsApiServices services, CancellationToken ct) =>
        ChangeAsync(id, services, (p, now) => p.RequestPublish(request.Platforms!.Select(x => x.ToLowerInvariant()).ToList(), request.PublishAt, now), ct);

    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> GetVideo(Guid id, ProjectsDbContext db, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return NotFound(id);
        if (project.Video is not { } video)
            return ApiProblems.NotFound("Video", $"The video is not rendered yet: the project is {project.Status.ToString().ToLowerInvariant()}.");
        var key = string.Join('/', video.VideoKey.Split('/').Select(Uri.EscapeDataString));
        return TypedResults.Redirect($"/api/storage/objects/{key}");
    }

    /// <summary>Loads the project, applies a command (null = done, otherwise why it is refused: 409) and saves it with
    /// the events it raised, all in one transaction.</summary>
    private static async Task<Results<Accepted<ProjectDetails>, ProblemHttpResult>> ChangeAsync(
        Guid id, ProjectsApiServices services, Func<Project, DateTimeOffset, string?> command, CancellationToken ct)
    {
        var project = await services.Db.Projects.Include(p => p.Scenes).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return NotFound(id);
        if (command(project, services.Clock.GetUtcNow()) is { } refusal) return Conflict(refusal);
        if (await TrySaveAsync(services.Db, ct) is { } conflict) return conflict;
        services.Logger.LogInformation("Project {ProjectId} is now {Status}", project.Id, project.Status);
        return TypedResults.Accepted($"/api/projects/{project.Id}", ProjectDetails.From(project));
    }
}
