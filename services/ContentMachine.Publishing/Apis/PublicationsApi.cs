using ContentMachine.ServiceDefaults.Clients;
using ContentMachine.Publishing.Options;
using ContentMachine.Publishing.Runner;
using ContentMachine.Publishing.Scheduling;
using ContentMachine.ServiceDefaults.Validation;
using ContentMachine.ServiceDefaults.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace ContentMachine.Publishing.Apis;

public static class PublicationsApi
{
    public static IEndpointRouteBuilder MapPublicationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/publishing/publications").WithTags("Publishing");

        api.MapGet("", ListPublications).WithName("ListPublications").WithSummary("A project's publications (one per platform)");
        api.MapPost("", RequestPublication)
            .WithValidation<RequestPublicationRequest>()
            .WithName("RequestPublication")
            .WithSummary("Request publishing a project's video to a platform")
            .WithDescription("201 with a new publication, or 200 with the existing one: a (project, platform) pair is published once.");
        api.MapGet("{id:guid}", GetPublication).WithName("GetPublication").WithSummary("A publication with its attempts");
        api.MapPost("{id:guid}/retry", RetryPublication).WithName("RetryPublication")
            .WithSummary("Try a failed publication again (an interrupted upload resumes its session)");
        api.MapGet("{id:guid}/package", DownloadPackage).WithName("DownloadPackage").WithSummary("The export package (ZIP)");
        api.MapPost("{id:guid}/package/link", LinkPackage).WithName("LinkPackage").WithSummary("A presigned URL of the export package");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<PublicationResponse>>, ProblemHttpResult>> ListPublications(
        Guid? projectId, [AsParameters] PublicationsApiServices services, CancellationToken ct)
    {
        if (projectId is not { } id || id == Guid.Empty) return ApiProblems.InvalidField("projectId", "The projectId query parameter is required.");
        var list = await services.Db.Publications.AsNoTracking().Where(p => p.ProjectId == id).OrderBy(p => p.Platform).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<PublicationResponse>>(list.Select(PublicationResponse.From).ToList());
    }

    public static async Task<Results<Created<PublicationResponse>, Ok<PublicationResponse>>> RequestPublication(
        RequestPublicationRequest request, [AsParameters] PublicationsApiServices services, CancellationToken ct)
    {
        var platform = request.ParsePlatform()!.Value;
        if (await services.Db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == request.ProjectId && p.Platform == platform, ct) is { } existing)
            return TypedResults.Ok(PublicationResponse.From(existing));

        var publication = Publication.Request(request.ProjectId, platform, PlatformNames.ModeOf(platform, services.Options.Value), request.ToContent(), services.Clock.GetUtcNow());
        services.Db.Publications.Add(publication);
        try
        {
            if (publication.Status == PublicationStatus.Scheduled)
                await services.Scheduler.ScheduleAsync(publication, ct);
            await services.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request for the same pair won the insert: answer with its publication.
            services.Db.ChangeTracker.Clear();
            var winner = await services.Db.Publications.AsNoTracking().FirstAsync(p => p.ProjectId == request.ProjectId && p.Platform == platform, ct);
            return TypedResults.Ok(PublicationResponse.From(winner));
        }
        services.Signal.Notify();
        return TypedResults.Created($"/api/publishing/publications/{publication.Id}", PublicationResponse.From(publication));
    }

    public static async Task<Results<Ok<PublicationDetailsResponse>, ProblemHttpResult>> GetPublication(
        Guid id, [AsParameters] PublicationsApiServices services, CancellationToken ct)
    {
        var publication = await services.Db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return publication is null ? NotFound(id) : TypedResults.Ok(PublicationDetailsResponse.From(publication));
    }

    public static async Task<Results<Accepted<PublicationResponse>, ProblemHttpResult>> RetryPublication(
        Guid id, [AsParameters] PublicationsApiServices services, CancellationToken ct)
    {
        var publication = await services.Db.Publications.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (publication is null) return NotFound(id);
        if (!publication.Retry(services.Clock.GetUtcNow()))
            return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Only a failed publication can be retried",
                Detail = $"The publication is {publication.Status}.",
                Extensions = { ["status"] = publication.Status.ToString() },
            });
        try
        {
            await services.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The publication changed meanwhile", detail: "Read it again and retry.");
        }
        services.Signal.Notify();
        return TypedResults.Accepted($"/api/publishing/publications/{id}", PublicationResponse.From(publication));
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadPackage(
        Guid id, [AsParameters] PublicationsApiServices services, StorageClient storage, HttpContext http, CancellationToken ct)
    {
        var publication = await services.Db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (publication is null) return NotFound(id);
        if (publication.ExportKey is not { } key || await storage.OpenAsync(key, ct) is not { } response)
            return ApiProblems.NotFound("Export package", $"The publication {id} has no export package (it is {publication.Status}).");
        http.Response.RegisterForDispose(response);
        return TypedResults.Stream(await response.Content.ReadAsStreamAsync(ct), "application/zip",
            $"{publication.ProjectId}-{publication.PlatformName}.zip");
    }

    public static async Task<Results<Ok<PackageLinkResponse>, ProblemHttpResult>> LinkPackage(
        Guid id, [AsParameters] PublicationsApiServices services, StorageClient storage, CancellationToken ct)
    {
        var publication = await services.Db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (publication is null) return NotFound(id);
        if (publication.ExportKey is not { } key)
            return ApiProblems.NotFound("Export package", $"The publication {id} has no export package (it is {publication.Status}).");
        var link = await storage.PresignGetAsync(key, services.Options.Value.PresignExpiry, ct);
        return TypedResults.Ok(new PackageLinkResponse(link.Url, link.ExpiresAt));
    }

    private static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound("Publication", $"No publication has the id {id}.");
}

public sealed record PublicationsApiServices(
    PublishingDbContext Db, TimeProvider Clock, PublicationSignal Signal, PublicationScheduler Scheduler, IOptions<PublishingOptions> Options);
