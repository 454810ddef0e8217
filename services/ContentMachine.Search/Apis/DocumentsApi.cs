using ContentMachine.ServiceDefaults.Validation;
using ContentMachine.ServiceDefaults.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.Search.Apis;

public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/search/documents").WithTags("Search");

        api.MapPut("{id}", PutDocument).WithValidation<PutDocumentRequest>().WithName("PutDocument").WithSummary("Add or replace a document in the index");
        api.MapGet("{id}", GetDocument).WithName("GetDocument").WithSummary("Get an indexed document");

        return app;
    }

    public static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> PutDocument(
        string id, PutDocumentRequest request, [AsParameters] DocumentsApiServices services, CancellationToken ct)
    {
        if (id.Length > SearchDocument.MaxIdLength || id.Any(char.IsControl))
            return ApiProblems.InvalidField("id", $"The id must be at most {SearchDocument.MaxIdLength} printable characters.");

        var document = await services.Db.Documents.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null) services.Db.Documents.Add(document = SearchDocument.Create(id));
        document.Update(request.Title!, request.Text!, services.Clock.GetUtcNow());
        await services.Db.SaveChangesAsync(ct);

        var response = DocumentResponse.From(document);
        await services.Cache.SetAsync(response);
        return TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> GetDocument(
        string id, [AsParameters] DocumentsApiServices services, CancellationToken ct)
    {
        if (await services.Cache.GetAsync(id) is { } cached) return TypedResults.Ok(cached);
        var document = await services.Db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
            return ApiProblems.NotFound("Document", $"No document has the id '{id}'.");
        var response = DocumentResponse.From(document);
        await services.Cache.SetAsync(response);
        return TypedResults.Ok(response);
    }
}

public sealed record DocumentsApiServices(SearchDbContext Db, DocumentCache Cache, TimeProvider Clock);
