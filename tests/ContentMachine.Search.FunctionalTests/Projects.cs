namespace ContentMachine.Search.FunctionalTests;

/// <summary>The events a project's life publishes, as the Projects and Pipeline services would.</summary>
internal sealed record TestProject(Guid Id, Guid RunId, string Topic, string Title)
{
    public static TestProject New(string topic, string? title = null) => new(Guid.NewGuid(), Guid.NewGuid(), topic, title ?? topic);

    public ProjectSubmitted Submitted(string archetype = "myth", params string[] platforms) => new()
    {
        ProjectId = Id, RunId = RunId, Attempt = 1, Topic = Topic, Title = Title,
        Options = new VideoOptions { Archetype = archetype, Platforms = platforms },
    };

    public ScriptGenerated Scripted(string description, params string[] scenes) => new()
    {
        ProjectId = Id, RunId = RunId, Attempt = 1, Title = Title, Description = description,
        Scenes = scenes.Select((text, i) => new SceneScript(i + 1, text, 5, "visual")).ToList(),
    };

    public VideoRendered Rendered() => new()
    {
        ProjectId = Id, RunId = RunId, Attempt = 1, VideoKey = $"projects/{Id}/outputs/final.mp4", CoverKey = $"projects/{Id}/outputs/cover.jpg",
        DurationSeconds = 30, Width = 1080, Height = 1920, SizeBytes = 1000, Sha256 = new string('a', 64),
    };

    public ProjectDeleted Deleted() => new() { ProjectId = Id };
}
