namespace ContentMachine.Storage.FunctionalTests;

/// <summary>The first bytes of each format, followed by filler: enough for a signature check.</summary>
public static class MediaSamples
{
    public static readonly byte[] Png = With([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .."IHDR"u8]);
    public static readonly byte[] Jpeg = With([0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .."JFIF"u8]);
    public static readonly byte[] Mp4 = With([0, 0, 0, 0x20, .."ftypisom"u8, 0, 0, 2, 0]);
    public static readonly byte[] Mov = With([0, 0, 0, 0x14, .."ftypqt  "u8, 0, 0, 2, 0]);
    public static readonly byte[] Webm = With([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81]);
    public static readonly byte[] Wav = With([.."RIFF"u8, 0x24, 0x08, 0, 0, .."WAVEfmt "u8]);
    public static readonly byte[] Mp3 = With([.."ID3"u8, 4, 0, 0, 0, 0, 0, 0]);
    public static readonly byte[] Text = "#!/bin/sh\necho this is not a video\n"u8.ToArray();

    private static byte[] With(byte[] header) => [.. header, .. RandomNumberGenerator.GetBytes(4096)];
}
