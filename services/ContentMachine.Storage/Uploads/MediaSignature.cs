using System.Text;

namespace ContentMachine.Storage.Uploads;

/// <summary>The media types users may upload, recognised by their first bytes rather than by what the client claims.</summary>
public static class MediaSignature
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeaderLength = 16;

    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["video/mp4"] = "video",
        ["video/quicktime"] = "video",
        ["video/webm"] = "video",
        ["image/png"] = "image",
        ["image/jpeg"] = "image",
        ["audio/wav"] = "audio",
        ["audio/mpeg"] = "audio",
    };

    /// <summary>Aliases clients send for the same formats.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["audio/x-wav"] = "audio/wav",
        ["audio/wave"] = "audio/wav",
        ["audio/vnd.wave"] = "audio/wav",
        ["audio/mp3"] = "audio/mpeg",
        ["image/jpg"] = "image/jpeg",
    };

    public static string Normalize(string mediaType) => Aliases.GetValueOrDefault(mediaType, mediaType.ToLowerInvariant());

    /// <summary>The media type the bytes are, or null when they are none of the allowed ones.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])) return "video/webm";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8)) return "audio/wav";
        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0)) return "audio/mpeg";
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
            return head[8..12].SequenceEqual("qt  "u8) ? "video/quicktime" : "video/mp4";
        if (head.Length >= 8 && Encoding.ASCII.GetString(head[4..8]) is "moov" or "mdat" or "wide" or "free" or "skip") return "video/quicktime";
        return null;
    }
}
