using ContentMachine.Publishing.YouTube;

namespace ContentMachine.Publishing.Platforms;

/// <summary>A YouTube Short is vertical (or square) and at most 180 seconds; anything else would become a regular video,
/// so it is refused before a byte is uploaded. Null when it qualifies, else the reason.</summary>
public static class ShortsRules
{
    public static string? Check(VideoShape shape)
    {
        if (shape.Width <= 0 || shape.Height <= 0) return "The video has no readable video stream.";
        if (shape.Width > shape.Height)
            return $"A YouTube Short must be vertical or square; the video is {shape.Width}x{shape.Height} (landscape).";
        if (shape.DurationSeconds > PlatformLimits.YouTubeShortsMaxSeconds)
            return $"A YouTube Short is at most {PlatformLimits.YouTubeShortsMaxSeconds} s; the video is {shape.DurationSeconds:0.#} s.";
        return null;
    }
}
