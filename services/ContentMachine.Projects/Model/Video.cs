namespace ContentMachine.Projects.Model;

/// <summary>The rendered result, as object keys in storage and what ffprobe verified of it. Stored in the project's own
/// row: a separate table joined into split queries let a concurrent render make EF drop the project's stages.</summary>
public sealed class Video
{
    public string VideoKey { get; private set; } = "";
    public string CoverKey { get; private set; } = "";
    public double DurationSeconds { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset RenderedAt { get; private set; }

    public static Video From(Contracts.VideoRendered rendered) => new()
    {
        VideoKey = rendered.VideoKey, CoverKey = rendered.CoverKey, DurationSeconds = rendered.DurationSeconds,
        Width = rendered.Width, Height = rendered.Height, SizeBytes = rendered.SizeBytes, Sha256 = rendered.Sha256,
        RenderedAt = rendered.OccurredAt,
    };
}
