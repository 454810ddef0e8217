namespace ContentMachine.Storage.Model;

/// <summary>What storagedb knows of an object in the bucket: its size and sha256 are computed while it streams in.</summary>
public sealed class StoredObject
{
    public string Key { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static StoredObject Create(string key, DateTimeOffset now) => new() { Key = key, CreatedAt = now };

    public void Replace(long size, string sha256, string contentType, DateTimeOffset now)
    {
        Size = size;
        Sha256 = sha256;
        ContentType = contentType;
        UpdatedAt = now;
    }
}
