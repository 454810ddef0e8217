using ContentMachine.ServiceDefaults.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.Projects.Apis;

public static partial class ProjectsApi
{
    public static async Task<Ok<ProjectPage>> ListProjects([AsParameters] ListProjectsQuery query, ProjectsDbContext db, CancellationToken ct)
    {
        var filtered = ProjectListing.Filter(db.Projects.AsNoTracking().IgnoreAutoIncludes(), query);
        var total = await filtered.CountAsync(ct);
        var page = filtered;
        if (ProjectListing.TryDecodeCursor(query.Cursor, out var after)) page = page.Where(p => p.Id.CompareTo(after) < 0);
        var limit = query.Limit ?? ProjectListing.DefaultLimit;
        var items = await page.OrderByDescending(p => p.Id).Take(limit + 1).ToListAsync(ct);
        var next = items.Count > limit ? ProjectListing.EncodeCursor(items[limit - 1].Id) : null;
        return TypedResults.Ok(new ProjectPage(items.Take(limit).Select(ProjectSummary.From).ToList(), total, next));
    }

    public static async Task<Results<Ok<ProjectDetails>, StatusCodeHttpResult, ProblemHttpResult>> GetProject(
        Guid id, HttpContext http, ProjectsDbContext db, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().Include(p => p.Scenes).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return NotFound(id);
        var etag = ETag(project);
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch == etag) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(ProjectDetails.From(project));
    }

    private static string ETag(Project project) => $"\"{project.Version}\"";

    private static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound("Project", $"No project has the id {id}.");
}
