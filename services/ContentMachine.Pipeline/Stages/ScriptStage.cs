using ContentMachine.Contracts;
using ContentMachine.Pipeline.Media.Script;

namespace ContentMachine.Pipeline.Stages;

/// <summary>Topic and options to a script of scenes (the local template writer, or a configured chat model).</summary>
public sealed class ScriptStage(IScriptWriter writer) : IPipelineStage
{
    public string Name => "script";
    public int ProgressPercent => 10;

    public async Task<string> ExecuteAsync(RunWork work, CancellationToken ct)
    {
        var script = await writer.WriteAsync(new ScriptRequest(work.Topic, work.Options), ct);
        var json = RunWork.Serialize(script);
        var path = work.LocalPath("script.json");
        await File.WriteAllTextAsync(path, json, ct);
        await work.Storage.UploadAsync(work.ArtifactKey(Name, "script.json"), path, "application/json", ct);
        work.Raise(new ScriptGenerated
        {
            ProjectId = work.ProjectId, RunId = work.RunId, Attempt = work.Attempt,
            Title = script.Title, Description = script.Description, Hashtags = script.Hashtags, Scenes = script.Scenes,
        });
        return json;
    }
}
