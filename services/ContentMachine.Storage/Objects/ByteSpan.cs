namespace ContentMachine.Storage.Objects;

/// <summary>An inclusive range of an object's bytes, as HTTP and S3 express them.</summary>
public readonly record struct ByteSpan(long From, long To)
{
    public long Length => To - From + 1;
}
