using ContentMachine.ServiceDefaults.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.Pipeline.Apis;

public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        // Runs are created by ProjectSubmitted (see IntegrationEvents); the API reads them.
        var api = app.MapGroup("api/pipeline/runs").WithTags("Pipeline");

        api.MapGet("{id:guid}", GetRun).WithName("GetRun").WithSummary("Get a run by id");
        api.MapGet("", ListRuns).WithName("ListRuns").WithSummary("List a project's runs, newest first");

        return app;
    }

    public static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> GetRun(Guid id, PipelineDbContext db, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return run is null
            ? ApiProblems.NotFound("Run", $"No run has the id {id}.")
            : TypedResults.Ok(RunResponse.From(run));
    }

    public static async Task<Ok<List<RunResponse>>> ListRuns(Guid projectId, PipelineDbContext db, CancellationToken ct)
    {
        var runs = await db.Runs.AsNoTracking()
            .Where(r => r.ProjectId == projectId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(100)
            .ToListAsync(ct);
        return TypedResults.Ok(runs.Select(RunResponse.From).ToList());
    }
}
