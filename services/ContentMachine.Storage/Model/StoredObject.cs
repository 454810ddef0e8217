namespace ContentMachine.Storage.Model;

/// <summary>What storagedb knows of an object in the bucket: its size and sha256 are computed while it streams in;
/// its owner and expiry follow from where the key sits in the layout.</summary>
public sealed class StoredObject
{
    public string Key { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public string Kind { get; private set; } = ObjectLayout.Other;
    public Guid? OwnerProjectId { get; private set; }

    /// <summary>When the lifecycle job deletes it; null for what is kept (outputs, uploads, exports).</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static StoredObject Create(string key, DateTimeOffset now)
    {
        var (kind, owner) = ObjectLayout.Classify(key);
        return new() { Key = key, Kind = kind, OwnerProjectId = owner, CreatedAt = now };
    }

    public void Replace(long size, string sha256, string contentType, DateTimeOffset now, TimeSpan artifactRetention)
    {
        Size = size;
        Sha256 = sha256;
        ContentType = contentType;
        UpdatedAt = now;
        ExpiresAt = Kind == ObjectLayout.Artifact ? now + artifactRetention : null;
    }

    /// <summary>The strong validator HTTP caches and range requests compare.</summary>
    public string ETag => $"\"{Sha256}\"";
}
