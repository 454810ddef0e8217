using ContentMachine.Pipeline.Media.Narration;
using ContentMachine.Pipeline.Media.Rendering;

namespace ContentMachine.Pipeline.Stages;

/// <summary>What each stage leaves for the ones after it (stored as the stage's checkpoint, JSON).</summary>
public sealed record NarrationCheckpoint(string WavKey, int DurationMs, IReadOnlyList<WordTiming> Words, IReadOnlyList<int> SceneStartMs);

public sealed record VisualArtifact(string Key, VisualKind Kind, string Extension);

public sealed record VisualsCheckpoint(IReadOnlyList<VisualArtifact> Scenes);

public sealed record RenderCheckpoint(string VideoKey, string CaptionsKey, MediaInfo Media, long SizeBytes);

public sealed record CoverCheckpoint(string CoverKey);

public sealed record StoreCheckpoint(string VideoKey, string CoverKey, long SizeBytes, string Sha256);
