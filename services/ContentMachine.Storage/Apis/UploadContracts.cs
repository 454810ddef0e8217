namespace ContentMachine.Storage.Apis;

/// <param name="Id">What a project's <c>options.mediaIds</c> refers to.</param>
/// <param name="MediaKind">video, image or audio.</param>
public sealed record UploadResponse(Guid Id, string Key, long Size, string Sha256, string ContentType, string MediaKind, DateTimeOffset CreatedAt)
{
    public static UploadResponse From(Guid id, StoredObject o) =>
        new(id, o.Key, o.Size, o.Sha256, o.ContentType, Uploads.MediaSignature.Allowed[o.ContentType], o.CreatedAt);
}
