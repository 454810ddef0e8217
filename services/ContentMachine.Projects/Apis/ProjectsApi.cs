using ContentMachine.ServiceDefaults.Validation;
using ContentMachine.ServiceDefaults.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.Projects.Apis;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/projects").WithTags("Projects");

        api.MapPost("", CreateProject)
            .WithValidation<CreateProjectRequest>()
            .WithName("CreateProject")
            .WithSummary("Create a project from a topic")
            .WithDescription("Stores a new project and answers 201 with its id and status; the topic must be 3-200 characters.");
        api.MapGet("{id:guid}", GetProject)
            .WithName("GetProject")
            .WithSummary("Get a project by id");

        return app;
    }

    public static async Task<Created<ProjectResponse>> CreateProject(
        CreateProjectRequest request, [AsParameters] ProjectsApiServices services, CancellationToken ct)
    {
        var project = Project.Create(request.Topic!, services.Clock);
        services.Db.Projects.Add(project);
        await services.Db.SaveChangesAsync(ct);
        services.Logger.LogInformation("Project {ProjectId} created", project.Id);
        return TypedResults.Created($"/api/projects/{project.Id}", ProjectResponse.From(project));
    }

    public static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> GetProject(
        Guid id, [AsParameters] ProjectsApiServices services, CancellationToken ct)
    {
        var project = await services.Db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return project is null
            ? ApiProblems.NotFound("Project", $"No project has the id {id}.")
            : TypedResults.Ok(ProjectResponse.From(project));
    }
}

public sealed record ProjectsApiServices(ProjectsDbContext Db, TimeProvider Clock, ILogger<ProjectsDbContext> Logger);
