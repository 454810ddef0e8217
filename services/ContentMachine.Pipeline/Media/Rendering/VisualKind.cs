namespace ContentMachine.Pipeline.Media.Rendering;

public enum VisualKind
{
    /// <summary>A still (generated background or uploaded picture): animated with a slow zoom or pan.</summary>
    Image,

    /// <summary>A clip: scaled and cropped to the frame, looped or trimmed to the scene's length.</summary>
    Video,
}
