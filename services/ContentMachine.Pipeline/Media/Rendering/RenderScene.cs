namespace ContentMachine.Pipeline.Media.Rendering;

/// <param name="DurationSeconds">How long the scene is on screen; the scenes' durations add up to the narration's.</param>
public sealed record RenderScene(string VisualPath, VisualKind Kind, double DurationSeconds);
