using ContentMachine.Projects.Apis.Validation;
using ContentMachine.ServiceDefaults.Validation;

namespace ContentMachine.Projects.Apis;

/// <summary>The user's API under /api/projects. Handlers live in the partial files by concern: queries, commands,
/// lifecycle (submit, cancel, retry, publish, video) and the live event stream.</summary>
public static partial class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/projects").WithTags("Projects");

        api.MapPost("", CreateProject).WithValidation<CreateProjectRequest>()
            .WithName("CreateProject").WithSummary("Create a project from a topic")
            .WithDescription("Stores the project and queues it for rendering (or keeps it as a draft with \"draft\": true). "
                + "With an Idempotency-Key header, repeating the same request returns the same project; the same key with another body is a 409.");
        api.MapPost("batch", CreateBatch).WithValidation<BatchCreateRequest>()
            .WithName("CreateProjectBatch").WithSummary("Create and queue up to 100 projects at once");
        api.MapGet("", ListProjects).WithValidation<ListProjectsQuery>()
            .WithName("ListProjects").WithSummary("List projects, newest first, filtered by status, text and creation time");
        api.MapGet("{id:guid}", GetProject)
            .WithName("GetProject").WithSummary("Get a project with its scenes, stages, video and publications");
        api.MapPatch("{id:guid}", UpdateProject).WithValidation<UpdateProjectRequest>()
            .WithName("UpdateProject").WithSummary("Change the title or options of a draft or failed project");
        api.MapDelete("{id:guid}", DeleteProject)
            .WithName("DeleteProject").WithSummary("Delete a project (a running one is cancelled first)");
        api.MapPost("{id:guid}/submit", SubmitProject)
            .WithName("SubmitProject").WithSummary("Queue a draft for rendering");
        api.MapPost("{id:guid}/cancel", CancelProject)
            .WithName("CancelProject").WithSummary("Cancel a queued or running project");
        api.MapPost("{id:guid}/retry", RetryProject)
            .WithName("RetryProject").WithSummary("Retry a failed or cancelled project from its last completed stage");
        api.MapPost("{id:guid}/publish", PublishProject).WithValidation<PublishProjectRequest>()
            .WithName("PublishProject").WithSummary("Publish the rendered video to platforms, now or at publishAt");
        api.MapGet("{id:guid}/video", GetVideo)
            .WithName("GetProjectVideo").WithSummary("The rendered MP4 (a redirect to storage, which serves ranges)");
        api.MapGet("{id:guid}/events", StreamEvents)
            .WithName("StreamProjectEvents").WithSummary("Server-Sent Events: the current state, then every stage, progress and status change")
            .WithDescription("Closes after a terminal status (rendered, published, failed, cancelled).");

        return app;
    }
}

public sealed record ProjectsApiServices(ProjectsDbContext Db, TimeProvider Clock, ILogger<ProjectsDbContext> Logger);
