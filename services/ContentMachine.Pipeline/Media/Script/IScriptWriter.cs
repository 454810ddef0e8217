namespace ContentMachine.Pipeline.Media.Script;

/// <summary>Turns a topic and the project's options into a narrated, scene-by-scene script.</summary>
public interface IScriptWriter
{
    Task<VideoScript> WriteAsync(ScriptRequest request, CancellationToken ct);
}
