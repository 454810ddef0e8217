using System.Buffers.Binary;
using System.Text;

namespace ContentMachine.Pipeline.Media.Narration;

/// <summary>Plain PCM WAV (RIFF) reading and writing: enough for espeak's 16-bit mono output and for joining scenes,
/// without a media library.</summary>
public static class WavFile
{
    private const int HeaderBytes = 44;

    public static void Write(Stream output, WavFormat format, ReadOnlySpan<byte> pcm)
    {
        WriteHeader(output, format, pcm.Length);
        output.Write(pcm);
    }

    public static async Task WriteAsync(string path, WavFormat format, ReadOnlyMemory<byte> pcm, CancellationToken ct)
    {
        await using var file = File.Create(path);
        WriteHeader(file, format, pcm.Length);
        await file.WriteAsync(pcm, ct);
    }

    public static void WriteHeader(Stream output, WavFormat format, long dataBytes)
    {
        Span<byte> h = stackalloc byte[HeaderBytes];
        Encoding.ASCII.GetBytes("RIFF", h[0..4]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..8], (uint)(36 + dataBytes));
        Encoding.ASCII.GetBytes("WAVEfmt ", h[8..16]);
        BinaryPrimitives.WriteInt32LittleEndian(h[16..20], 16);
        BinaryPrimitives.WriteInt16LittleEndian(h[20..22], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(h[22..24], format.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(h[24..28], format.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(h[28..32], format.SampleRate * format.BlockAlign);
        BinaryPrimitives.WriteInt16LittleEndian(h[32..34], (short)format.BlockAlign);
        BinaryPrimitives.WriteInt16LittleEndian(h[34..36], format.BitsPerSample);
        Encoding.ASCII.GetBytes("data", h[36..40]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[40..44], (uint)dataBytes);
        output.Write(h);
    }

    /// <summary>The format and PCM bytes of a WAV; chunks other than "fmt " and "data" (LIST, fact) are skipped.</summary>
    public static (WavFormat Format, byte[] Pcm) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || Encoding.ASCII.GetString(bytes, 0, 4) != "RIFF" || Encoding.ASCII.GetString(bytes, 8, 4) != "WAVE")
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file");
        WavFormat? format = null;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = Encoding.ASCII.GetString(bytes, offset, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4)), (uint)(bytes.Length - offset - 8));
            var body = bytes.AsSpan(offset + 8, size);
            if (id == "fmt ")
            {
                if (BinaryPrimitives.ReadInt16LittleEndian(body) != 1) throw new InvalidDataException($"{path} is not PCM");
                format = new WavFormat(BinaryPrimitives.ReadInt32LittleEndian(body[4..]), BinaryPrimitives.ReadInt16LittleEndian(body[2..]),
                    BinaryPrimitives.ReadInt16LittleEndian(body[14..]));
            }
            else if (id == "data")
            {
                return (format ?? throw new InvalidDataException($"{path} has data before fmt"), body.ToArray());
            }
            offset += 8 + size + (size & 1);
        }
        throw new InvalidDataException($"{path} has no data chunk");
    }
}
