namespace ContentMachine.Storage.Uploads;

/// <summary>A request body whose first bytes were read ahead (to check what the file is) and are replayed before the rest.</summary>
public sealed class PeekedStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
{
    private int _replayed;

    public static async Task<(PeekedStream Stream, ReadOnlyMemory<byte> Head)> PeekAsync(Stream body, int count, CancellationToken ct)
    {
        var head = new byte[count];
        var filled = 0;
        while (filled < count && await body.ReadAsync(head.AsMemory(filled), ct) is var read and > 0) filled += read;
        var peeked = head.AsMemory(0, filled);
        return (new PeekedStream(peeked, body), peeked);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_replayed < head.Length) return Replay(buffer.Span);
        return await rest.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => _replayed < head.Length ? Replay(buffer) : rest.Read(buffer);

    private int Replay(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, head.Length - _replayed);
        head.Span.Slice(_replayed, n).CopyTo(buffer);
        _replayed += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
