namespace ContentMachine.Storage.FunctionalTests;

/// <summary>A long, deterministic, incompressible body generated as it is read, so a test can send hundreds of
/// megabytes without holding them, and knows their sha256 without a second copy.</summary>
public sealed class PseudoRandomStream(long length, int seed) : Stream
{
    private readonly Random _random = new(seed);
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;
    private string? _hash;

    /// <summary>The sha256 of everything, known once the stream has been read to its end (even if disposed since).</summary>
    public string Sha256Hex => _hash ?? throw new InvalidOperationException("The stream has not been read to its end.");

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        _random.NextBytes(buffer[..n]);
        _sha256.AppendData(buffer[..n]);
        _position += n;
        if (_position == length) _hash ??= Convert.ToHexStringLower(_sha256.GetHashAndReset());
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
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
