using ContentMachine.ServiceDefaults.Web;
using ContentMachine.Storage.Options;
using ContentMachine.Storage.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ContentMachine.Storage.Apis;

public static class UploadsApi
{
    /// <summary>Room for a multipart/form-data envelope around the file.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapUploadsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/storage/uploads").WithTags("Storage");

        api.MapPost("", Upload)
            .WithName("UploadMedia")
            .WithSummary("Upload your own clip, image or audio (raw body or multipart/form-data); checked by its first bytes, streamed to the bucket")
            .DisableAntiforgery();
        api.MapGet("{id:guid}", GetUpload).WithName("GetUpload").WithSummary("An upload's metadata");

        return app;
    }

    public static async Task<Results<Created<UploadResponse>, ProblemHttpResult>> Upload(
        HttpContext context, ObjectStore store, IOptions<StorageOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxUploadBytes;
        var length = RequestBody.Length(context);
        var form = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        if (length > limit + (form ? FormOverheadBytes : 0)) return StorageProblems.TooLarge(limit);

        var (declared, body, field) = (RequestBody.MediaType(context), context.Request.Body, "Content-Type");
        if (form)
        {
            if (await FirstFileAsync(context, type!, ct) is not { } file)
                return StorageProblems.UnsupportedMedia("file", "The form has no file part.");
            (declared, body, field) = (file.ContentType, file.Body, "file");
        }

        var (content, head) = await PeekedStream.PeekAsync(body, MediaSignature.HeaderLength, ct);
        var detected = MediaSignature.Detect(head.Span);
        if (declared is { } claimed && !claimed.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            claimed = MediaSignature.Normalize(claimed);
            if (!MediaSignature.Allowed.ContainsKey(claimed))
                return StorageProblems.UnsupportedMedia(field, $"'{claimed}' is not a media type that can be uploaded.");
            if (detected is not null && !SameFormat(claimed, detected))
                return StorageProblems.UnsupportedMedia(field, $"The file is declared as '{claimed}' but its content is '{detected}'.");
        }
        if (detected is null)
            return StorageProblems.UnsupportedMedia(field, "The file's content is not a recognised video, image or audio format.");

        var id = Guid.CreateVersion7();
        try
        {
            var stored = await store.PutAsync(new ObjectWrite(ObjectLayout.UploadKey(id), detected, form ? null : length, limit), content, ct);
            return TypedResults.Created($"/api/storage/uploads/{id}", UploadResponse.From(id, stored));
        }
        catch (ObjectTooLargeException ex)
        {
            return StorageProblems.TooLarge(ex.Limit);
        }
    }

    public static async Task<Results<Ok<UploadResponse>, ProblemHttpResult>> GetUpload(Guid id, ObjectStore store, CancellationToken ct) =>
        await store.FindAsync(ObjectLayout.UploadKey(id), ct) is { } stored && MediaSignature.Allowed.ContainsKey(stored.ContentType)
            ? TypedResults.Ok(UploadResponse.From(id, stored))
            : ApiProblems.NotFound("Upload", $"No upload has the id '{id}'.");

    /// <summary>mp4 and QuickTime share the ISO base media layout; players and clients often label one as the other.</summary>
    private static bool SameFormat(string claimed, string detected) =>
        claimed == detected || (claimed is "video/mp4" or "video/quicktime") && (detected is "video/mp4" or "video/quicktime");

    private static async Task<(string? ContentType, Stream Body)?> FirstFileAsync(HttpContext context, MediaTypeHeaderValue type, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return null;
        var reader = new MultipartReader(boundary, context.Request.Body) { BodyLengthLimit = null };
        while (await reader.ReadNextSectionAsync(ct) is { } section)
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                return (MediaTypeHeaderValue.TryParse(section.ContentType, out var declared) ? declared.MediaType.Value : null, section.Body);
        return null;
    }
}
