using Amazon.S3;
using Amazon.S3.Model;
using ContentMachine.ServiceDefaults.ObjectStorage;

namespace ContentMachine.Storage.Objects;

/// <summary>Objects in the bucket and their metadata in storagedb, kept together: the metadata row is written only
/// after S3 has the whole object, so a failed upload leaves no row behind.</summary>
public sealed class ObjectStore(IAmazonS3 s3, ObjectStoreSettings settings, StorageDbContext db, TimeProvider clock)
{
    public async Task<StoredObject> PutAsync(string key, Stream content, long length, string contentType, CancellationToken ct)
    {
        await using var hashing = new HashingReadStream(content);
        var request = new PutObjectRequest
        {
            BucketName = settings.Bucket,
            Key = key,
            InputStream = hashing,
            AutoCloseStream = false,
            ContentType = contentType,
            UseChunkEncoding = false,
        };
        request.Headers.ContentLength = length;
        await s3.PutObjectAsync(request, ct);

        var now = clock.GetUtcNow();
        var stored = await db.Objects.FirstOrDefaultAsync(o => o.Key == key, ct);
        if (stored is null) db.Objects.Add(stored = StoredObject.Create(key, now));
        stored.Replace(hashing.BytesRead, hashing.Sha256Hex, contentType, now);
        await db.SaveChangesAsync(ct);
        return stored;
    }

    public Task<StoredObject?> FindAsync(string key, CancellationToken ct) =>
        db.Objects.AsNoTracking().FirstOrDefaultAsync(o => o.Key == key, ct);

    public async Task<Stream> OpenReadAsync(string key, CancellationToken ct)
    {
        var response = await s3.GetObjectAsync(settings.Bucket, key, ct);
        return response.ResponseStream;
    }
}
