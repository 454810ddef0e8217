using ContentMachine.ServiceDefaults.Validation;
using ContentMachine.ServiceDefaults.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.Pipeline.Apis;

public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/pipeline/runs").WithTags("Pipeline");

        api.MapPost("", QueueRun).WithValidation<QueueRunRequest>().WithName("QueueRun").WithSummary("Queue a run for a project");
        api.MapGet("{id:guid}", GetRun).WithName("GetRun").WithSummary("Get a run by id");
        api.MapGet("", ListRuns).WithName("ListRuns").WithSummary("List a project's runs, newest first");

        return app;
    }

    public static async Task<Created<RunResponse>> QueueRun(QueueRunRequest request, [AsParameters] RunsApiServices services, CancellationToken ct)
    {
        var run = Run.Queue(request.ProjectId, services.Clock);
        services.Db.Runs.Add(run);
        await services.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/pipeline/runs/{run.Id}", RunResponse.From(run));
    }

    public static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> GetRun(Guid id, [AsParameters] RunsApiServices services, CancellationToken ct)
    {
        var run = await services.Db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return run is null
            ? ApiProblems.NotFound("Run", $"No run has the id {id}.")
            : TypedResults.Ok(RunResponse.From(run));
    }

    public static async Task<Ok<List<RunResponse>>> ListRuns(Guid projectId, [AsParameters] RunsApiServices services, CancellationToken ct)
    {
        var runs = await services.Db.Runs.AsNoTracking()
            .Where(r => r.ProjectId == projectId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(100)
            .ToListAsync(ct);
        return TypedResults.Ok(runs.Select(RunResponse.From).ToList());
    }
}

public sealed record RunsApiServices(PipelineDbContext Db, TimeProvider Clock);
