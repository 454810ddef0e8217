using ContentMachine.Contracts;

namespace ContentMachine.Projects.FunctionalTests;

/// <summary>The events the Pipeline would publish for a project's current run (its run id and attempt from the API).</summary>
public sealed class PipelineEvents(JsonElement project)
{
    public Guid ProjectId { get; } = project.GetProperty("id").GetGuid();
    public Guid RunId { get; } = project.GetProperty("runId").GetGuid();
    public int Attempt { get; init; } = project.GetProperty("attempt").GetInt32();

    public RunStageStarted Started(string stage) => new() { ProjectId = ProjectId, RunId = RunId, Attempt = Attempt, Stage = stage };

    public RunStageCompleted Completed(string stage, int progress) =>
        new() { ProjectId = ProjectId, RunId = RunId, Attempt = Attempt, Stage = stage, ProgressPercent = progress };

    public ScriptGenerated Script(string title, int scenes) => new()
    {
        ProjectId = ProjectId, RunId = RunId, Attempt = Attempt, Title = title, Description = "A description", Hashtags = ["#octopus", "#facts"],
        Scenes = Enumerable.Range(1, scenes).Select(i => new SceneScript(i, $"Scene {i} text", 5.5, $"Prompt {i}")).ToList(),
    };

    public VideoRendered Rendered() => new()
    {
        ProjectId = ProjectId, RunId = RunId, Attempt = Attempt, VideoKey = $"projects/{ProjectId}/outputs/final.mp4",
        CoverKey = $"projects/{ProjectId}/outputs/cover.jpg", DurationSeconds = 31.2, Width = 1080, Height = 1920, SizeBytes = 7_000_000, Sha256 = new string('a', 64),
    };

    public RunFailed Failed(string stage, string reason) =>
        new() { ProjectId = ProjectId, RunId = RunId, Attempt = Attempt, Stage = stage, Reason = reason, Retryable = true };

    public DuplicateSuspected Duplicate(Guid similar, double score, string title) =>
        new() { ProjectId = ProjectId, RunId = RunId, Attempt = Attempt, SimilarProjectId = similar, Score = score, SimilarTitle = title };

    public RunCancelled Cancelled() => new() { ProjectId = ProjectId, RunId = RunId, Attempt = Attempt };

    public VideoPublished Published(string platform) => new() { ProjectId = ProjectId, Platform = platform, Url = $"https://example.test/{platform}/{ProjectId}" };

    public PublishFailed PublishFailed(string platform, string reason) => new() { ProjectId = ProjectId, Platform = platform, Reason = reason };
}
