namespace ContentMachine.Pipeline.Media.Rendering;

/// <summary>ffmpeg (or ffprobe) exited with an error; <see cref="StandardErrorTail"/> holds its last lines.</summary>
public sealed class FfmpegException(int exitCode, string standardErrorTail)
    : Exception($"ffmpeg exited with code {exitCode}: {standardErrorTail}")
{
    public int ExitCode { get; } = exitCode;
    public string StandardErrorTail { get; } = standardErrorTail;
}
