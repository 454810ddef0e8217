namespace ContentMachine.Pipeline.Media.Rendering;

public sealed record MediaInfo(double DurationSeconds, int Width, int Height, string? VideoCodec, string? AudioCodec, double? FrameRate);
