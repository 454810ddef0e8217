using System.Security.Cryptography;

namespace ContentMachine.Storage.Objects;

/// <summary>Passes a stream through unchanged while counting its bytes and hashing them, so that an upload is
/// streamed to S3 once and its size and sha256 are known at the end without buffering it. Reading past
/// <paramref name="maxBytes"/> throws <see cref="ObjectTooLargeException"/>, which aborts the upload.</summary>
public sealed class HashingReadStream(Stream inner, long maxBytes = long.MaxValue) : Stream
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _hash;

    public long BytesRead { get; private set; }

    /// <summary>The lowercase hex sha256 of everything read; call once the stream has been read to its end.</summary>
    public string Sha256Hex => _hash ??= Convert.ToHexStringLower(_sha256.GetHashAndReset());

    public override int Read(byte[] buffer, int offset, int count) => Record(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override int Read(Span<byte> buffer) => Record(buffer[..inner.Read(buffer)]);

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Record(buffer.AsSpan(offset, await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Record(buffer.Span[..read]);
    }

    private int Record(ReadOnlySpan<byte> data)
    {
        _sha256.AppendData(data);
        BytesRead += data.Length;
        if (BytesRead > maxBytes) throw new ObjectTooLargeException(maxBytes);
        return data.Length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _sha256.Dispose();
        base.Dispose(disposing);
    }
}
