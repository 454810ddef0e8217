namespace ContentMachine.Pipeline.Media.Narration;

/// <summary>Speaks one scene's text into a WAV and says when each of the text's words is spoken.</summary>
public interface INarrator
{
    Task<SceneNarration> NarrateAsync(NarrationRequest request, CancellationToken ct);
}
