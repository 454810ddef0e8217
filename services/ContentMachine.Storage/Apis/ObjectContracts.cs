namespace ContentMachine.Storage.Apis;

public sealed record ObjectResponse(
    string Key, long Size, string Sha256, string ContentType, string Kind, Guid? OwnerProjectId,
    DateTimeOffset? ExpiresAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ObjectResponse From(StoredObject o) =>
        new(o.Key, o.Size, o.Sha256, o.ContentType, o.Kind, o.OwnerProjectId, o.ExpiresAt, o.CreatedAt, o.UpdatedAt);
}

/// <summary>One page of a listing; <see cref="NextCursor"/> fetches the next, null on the last page.</summary>
public sealed record ObjectPage(IReadOnlyList<ObjectResponse> Items, string? NextCursor);

/// <param name="Prefix">Only keys starting with this.</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page.</param>
/// <param name="Limit">1-1000, default 100.</param>
public sealed record ListObjectsQuery(string? Prefix, string? Cursor, int? Limit);
