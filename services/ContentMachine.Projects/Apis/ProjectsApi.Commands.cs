using System.Security.Cryptography;
using System.Text.Json;
using ContentMachine.ServiceDefaults.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace ContentMachine.Projects.Apis;

public static partial class ProjectsApi
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Created<ProjectDetails>, ProblemHttpResult>> CreateProject(
        CreateProjectRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        [AsParameters] ProjectsApiServices services, CancellationToken ct)
    {
        if (idempotencyKey is { Length: 0 or > IdempotencyKey.MaxLength })
            return ApiProblems.InvalidField("Idempotency-Key", $"The Idempotency-Key header must be 1-{IdempotencyKey.MaxLength} characters.");
        var db = services.Db;
        var hash = idempotencyKey is null ? null : RequestHash(request);
        if (idempotencyKey is not null && await ReplayAsync(db, idempotencyKey, hash!, ct) is { } replay) return replay;

        var now = services.Clock.GetUtcNow();
        var project = Project.Create(request.Topic!, (request.Options ?? new()).ApplyTo(), request.Draft, now);
        db.Projects.Add(project);
        if (idempotencyKey is not null) db.IdempotencyKeys.Add(IdempotencyKey.For(idempotencyKey, hash!, project.Id, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (idempotencyKey is not null && IsUniqueViolation(ex, "idempotency_keys"))
        {
            // A concurrent request with the same key won: answer as its replay would.
            db.ChangeTracker.Clear();
            return await ReplayAsync(db, idempotencyKey, hash!, ct) ?? throw new InvalidOperationException("Idempotency key vanished.", ex);
        }
        services.Logger.LogInformation("Project {ProjectId} created ({Status})", project.Id, project.Status);
        return TypedResults.Created($"/api/projects/{project.Id}", ProjectDetails.From(project));
    }

    public static async Task<Accepted<BatchCreated>> CreateBatch(BatchCreateRequest request, [AsParameters] ProjectsApiServices services, CancellationToken ct)
    {
        var now = services.Clock.GetUtcNow();
        var projects = request.Entries().Select(e => Project.Create(e.Topic, (e.Options ?? new()).ApplyTo(), draft: false, now)).ToList();
        services.Db.Projects.AddRange(projects);
        await services.Db.SaveChangesAsync(ct);
        services.Logger.LogInformation("Batch of {Count} projects created", projects.Count);
        return TypedResults.Accepted((string?)null, new BatchCreated(projects.Select(p => p.Id).ToList()));
    }

    public static async Task<Results<Ok<ProjectDetails>, ProblemHttpResult>> UpdateProject(
        Guid id, UpdateProjectRequest request, HttpContext http, [AsParameters] ProjectsApiServices services, CancellationToken ct)
    {
        var db = services.Db;
        var project = await db.Projects.Include(p => p.Scenes).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return NotFound(id);
        if (ExpectedVersion(request.Version, http) is { } expected)
        {
            if (expected != project.Version)
                return Conflict($"The project changed since version {expected} (it is now {project.Version}); get it again and retry.");
            db.Entry(project).Property(p => p.Version).OriginalValue = expected;
        }
        if (project.Edit(request.Title, request.Options?.ApplyTo(project.Options), services.Clock.GetUtcNow()) is { } refusal) return Conflict(refusal);
        if (await TrySaveAsync(db, ct) is { } conflict) return conflict;
        http.Response.Headers.ETag = ETag(project);
        return TypedResults.Ok(ProjectDetails.From(project));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteProject(Guid id, [AsParameters] ProjectsApiServices services, CancellationToken ct)
    {
        var project = await services.Db.Projects.Include(p => p.Scenes).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return NotFound(id);
        project.PrepareForDeletion(services.Clock.GetUtcNow());
        services.Db.Projects.Remove(project);
        if (await TrySaveAsync(services.Db, ct) is { } conflict) return conflict;
        services.Logger.LogInformation("Project {ProjectId} deleted", id);
        return TypedResults.NoContent();
    }

    private static async Task<Created<ProjectDetails>?> ReplayOrNull(ProjectsDbContext db, Guid projectId, CancellationToken ct) =>
        await db.Projects.AsNoTracking().Include(p => p.Scenes).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == projectId, ct) is { } project
            ? TypedResults.Created($"/api/projects/{project.Id}", ProjectDetails.From(project))
            : null;

    private static async Task<Results<Created<ProjectDetails>, ProblemHttpResult>?> ReplayAsync(
        ProjectsDbContext db, string key, string hash, CancellationToken ct)
    {
        var known = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Key == key, ct);
        if (known is null) return null;
        if (known.RequestHash != hash)
            return Conflict("This Idempotency-Key was already used with a different request body.");
        return await ReplayOrNull(db, known.ProjectId, ct) is { } created
            ? created
            : Conflict("The project created with this Idempotency-Key has since been deleted.");
    }

    private static string RequestHash(CreateProjectRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, RequestJson)));

    /// <summary>The version a change is based on: the body's <c>version</c>, or an If-Match header.</summary>
    private static uint? ExpectedVersion(string? version, HttpContext http) =>
        uint.TryParse(version, out var fromBody) ? fromBody
        : uint.TryParse(http.Request.Headers.IfMatch.ToString().Trim('"', ' ', 'W', '/'), out var fromHeader) ? fromHeader
        : null;

    /// <summary>Saves, answering 409 when another request changed the project in between (optimistic concurrency).</summary>
    private static async Task<ProblemHttpResult?> TrySaveAsync(ProjectsDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("The project was changed by another request at the same time; get it again and retry.");
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex, string table) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg && pg.TableName == table;

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);
}
