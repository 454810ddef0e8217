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

        api.MapPost("", RequestPublication)
            .WithValidation<RequestPublicationRequest>()
            .WithName("RequestPublication")
            .WithSummary("Request publishing a project's video to a platform")
            .WithDescription("201 with a new publication, or 200 with the existing one: a (project, platform) pair is published once.");
        api.MapGet("{id:guid}", GetPublication).WithName("GetPublication").WithSummary("Get a publication by id");

        return app;
    }

    public static async Task<Results<Created<PublicationResponse>, Ok<PublicationResponse>>> RequestPublication(
        RequestPublicationRequest request, [AsParameters] PublicationsApiServices services, CancellationToken ct)
    {
        var platform = request.ParsePlatform()!.Value;
        if (await services.Db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == request.ProjectId && p.Platform == platform, ct) is { } existing)
            return TypedResults.Ok(PublicationResponse.From(existing));

        var publication = Publication.Request(request.ProjectId, platform, services.Clock);
        services.Db.Publications.Add(publication);
        try
        {
            await services.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request for the same pair won the insert: answer with its publication.
            services.Db.ChangeTracker.Clear();
            var winner = await services.Db.Publications.AsNoTracking().FirstAsync(p => p.ProjectId == request.ProjectId && p.Platform == platform, ct);
            return TypedResults.Ok(PublicationResponse.From(winner));
        }
        return TypedResults.Created($"/api/publishing/publications/{publication.Id}", PublicationResponse.From(publication));
    }

    public static async Task<Results<Ok<PublicationResponse>, ProblemHttpResult>> GetPublication(
        Guid id, [AsParameters] PublicationsApiServices services, CancellationToken ct)
    {
        var publication = await services.Db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return publication is null
            ? ApiProblems.NotFound("Publication", $"No publication has the id {id}.")
            : TypedResults.Ok(PublicationResponse.From(publication));
    }
}

public sealed record PublicationsApiServices(PublishingDbContext Db, TimeProvider Clock);
