using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using ContentMachine.ServiceDefaults.ObjectStorage;
using ContentMachine.Storage.Lifecycle;
using ContentMachine.Storage.Options;

namespace ContentMachine.Storage.Objects;

/// <summary>Objects in the bucket and their metadata in storagedb, kept together: the metadata row is written only
/// after S3 has the whole object, so a failed upload leaves no row behind, and deletions remove the object first, so a
/// row never points at nothing for long.</summary>
public sealed class ObjectStore(
    IAmazonS3 s3, ObjectStoreSettings settings, StorageDbContext db, IOptions<StorageOptions> options,
    IOptions<LifecycleOptions> lifecycle, TimeProvider clock, ILogger<ObjectStore> logger)
{
    private const int MaxKeysPerDelete = 1000;

    // An object whose recording fails (database down) stays in the bucket unrecorded: KeysUnderAsync and FindAsync
    // find such objects, so a later read adopts it and a project deletion still removes it.

    public async Task<StoredObject> PutAsync(ObjectWrite write, Stream body, CancellationToken ct)
    {
        if (write.Length > write.MaxBytes) throw new ObjectTooLargeException(write.MaxBytes);
        await using var hashing = new HashingReadStream(body, write.MaxBytes);
        if (write.Length is { } length && length <= options.Value.MultipartThresholdBytes)
        {
            var request = new PutObjectRequest
            {
                BucketName = settings.Bucket,
                Key = write.Key,
                InputStream = hashing,
                AutoCloseStream = false,
                ContentType = write.ContentType,
                UseChunkEncoding = false,
            };
            request.Headers.ContentLength = length;
            await s3.PutObjectAsync(request, ct);
        }
        else
        {
            await new MultipartUpload(s3, settings.Bucket, options.Value.PartSizeBytes).UploadAsync(write.Key, write.ContentType, hashing, ct);
        }

        try
        {
            return await RecordAsync(write.Key, hashing.BytesRead, hashing.Sha256Hex, write.ContentType, ct);
        }
        catch (DbUpdateException)
        {
            // Another upload of the same new key recorded it first: record over it (last writer wins, as in S3).
            db.ChangeTracker.Clear();
            return await RecordAsync(write.Key, hashing.BytesRead, hashing.Sha256Hex, write.ContentType, ct);
        }
    }

    /// <summary>The object's metadata. An object that reached the bucket without passing through this service (a
    /// presigned PUT) is adopted on first sight: hashed once and recorded.</summary>
    public async Task<StoredObject?> FindAsync(string key, CancellationToken ct)
    {
        if (await db.Objects.AsNoTracking().FirstOrDefaultAsync(o => o.Key == key, ct) is { } known) return known;
        GetObjectResponse response;
        try
        {
            response = await s3.GetObjectAsync(settings.Bucket, key, ct);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        using (response)
        {
            await using var hashing = new HashingReadStream(response.ResponseStream);
            await hashing.CopyToAsync(Stream.Null, ct);
            var contentType = string.IsNullOrEmpty(response.Headers.ContentType) ? "application/octet-stream" : response.Headers.ContentType;
            logger.LogInformation("Adopted {Key} ({Size} bytes), stored directly in the bucket", key, hashing.BytesRead);
            return await RecordAsync(key, hashing.BytesRead, hashing.Sha256Hex, contentType, ct);
        }
    }

    /// <summary>Whether the key names an object, recorded or not: a HEAD, never the full read adoption does.</summary>
    public async Task<bool> ExistsAsync(string key, CancellationToken ct)
    {
        if (await db.Objects.AnyAsync(o => o.Key == key, ct)) return true;
        try
        {
            await s3.GetObjectMetadataAsync(settings.Bucket, key, ct);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>The object's bytes, or the inclusive range of them; null when the bucket no longer has it.</summary>
    public async Task<Stream?> OpenReadAsync(string key, ByteSpan? range, CancellationToken ct)
    {
        var request = new GetObjectRequest { BucketName = settings.Bucket, Key = key };
        if (range is { } r) request.ByteRange = new ByteRange(r.From, r.To);
        try
        {
            return (await s3.GetObjectAsync(request, ct)).ResponseStream;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            logger.LogWarning("{Key} is recorded but missing from the bucket", key);
            return null;
        }
    }

    /// <summary>One page of objects in key order, after <paramref name="afterKey"/> when given.</summary>
    public Task<List<StoredObject>> ListAsync(string? prefix, string? afterKey, int limit, CancellationToken ct)
    {
        var query = db.Objects.AsNoTracking();
        if (!string.IsNullOrEmpty(prefix)) query = query.Where(o => o.Key.StartsWith(prefix));
        if (afterKey is not null) query = query.Where(o => string.Compare(o.Key, afterKey) > 0);
        return query.OrderBy(o => o.Key).Take(limit).ToListAsync(ct);
    }

    /// <summary>Removes the objects from the bucket, then their metadata; deleting what is already gone is not an error.</summary>
    public async Task<int> DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        foreach (var chunk in keys.Chunk(MaxKeysPerDelete))
        {
            var response = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
            {
                BucketName = settings.Bucket,
                Objects = chunk.Select(k => new KeyVersion { Key = k }).ToList(),
                Quiet = true,
            }, ct);
            if (response.DeleteErrors is { Count: > 0 } errors)
                throw new IOException($"The bucket refused to delete {errors.Count} objects, e.g. {errors[0].Key}: {errors[0].Message}");
        }
        var keyList = keys.ToList();
        return await db.Objects.Where(o => keyList.Contains(o.Key)).ExecuteDeleteAsync(ct);
    }

    /// <summary>Every key under the prefix, from the bucket itself (so objects whose recording failed are found too)
    /// and from storagedb.</summary>
    public async Task<IReadOnlyCollection<string>> KeysUnderAsync(string prefix, CancellationToken ct)
    {
        var keys = new HashSet<string>(await db.Objects.Where(o => o.Key.StartsWith(prefix)).Select(o => o.Key).ToListAsync(ct), StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = settings.Bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, ct);
            foreach (var o in page.S3Objects ?? []) keys.Add(o.Key);
            request.ContinuationToken = page.NextContinuationToken;
        } while (page.IsTruncated == true);
        return keys;
    }

    private async Task<StoredObject> RecordAsync(string key, long size, string sha256, string contentType, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stored = await db.Objects.FirstOrDefaultAsync(o => o.Key == key, ct);
        if (stored is null) db.Objects.Add(stored = StoredObject.Create(key, now));
        stored.Replace(size, sha256, contentType, now, lifecycle.Value.ArtifactRetention);
        await db.SaveChangesAsync(ct);
        return stored;
    }
}
