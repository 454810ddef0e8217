using System.Net.ServerSentEvents;

namespace ContentMachine.Projects.Apis;

/// <summary>What a live event stream has told its client so far; the next state is compared with it to send only what
/// changed: stages, progress, script, video and publications first, the status last.</summary>
internal sealed record ProjectStreamState(ProjectDetails Project)
{
    public static async Task<ProjectStreamState?> LoadAsync(IServiceScopeFactory scopes, Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectsDbContext>();
        var project = await db.Projects.AsNoTracking().Include(p => p.Scenes).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        return project is null ? null : new ProjectStreamState(ProjectDetails.From(project));
    }

    /// <summary>Nothing more will happen unless the user acts: the stream closes.</summary>
    public bool IsTerminal => Project.Status is ProjectStatus.Published or ProjectStatus.Failed or ProjectStatus.Cancelled
        || Project.Status == ProjectStatus.Rendered && !Project.Publications.Any(p => p.Status is PublicationStatus.Pending or PublicationStatus.Scheduled);

    public IEnumerable<SseItem<object>> Replay()
    {
        foreach (var stage in Project.Stages) yield return Item("stage", stage);
        yield return Item("progress", new ProgressEvent(Project.Progress));
        if (Project.Scenes.Count > 0) yield return Script(Project);
        if (Project.Video is { } video) yield return Item("video", video);
        foreach (var publication in Project.Publications) yield return Item("publication", publication);
        yield return Status(Project);
    }

    public IEnumerable<SseItem<object>> ChangesTo(ProjectStreamState next)
    {
        var now = next.Project;
        foreach (var stage in now.Stages.Where(s => !Project.Stages.Contains(s))) yield return Item("stage", stage);
        if (now.Progress != Project.Progress) yield return Item("progress", new ProgressEvent(now.Progress));
        if (now.Scenes.Count != Project.Scenes.Count || now.Title != Project.Title) yield return Script(now);
        if (now.Video is { } video && video != Project.Video) yield return Item("video", video);
        foreach (var publication in now.Publications.Where(p => !Project.Publications.Contains(p))) yield return Item("publication", publication);
        if (now.Status != Project.Status || now.Failure != Project.Failure) yield return Status(now);
    }

    public static SseItem<object> Deleted(Guid id) => Item("deleted", new { id });

    public static SseItem<object> Heartbeat(DateTimeOffset at) => Item("heartbeat", new { at });

    private static SseItem<object> Status(ProjectDetails p) => Item("status", new StatusEvent(p.Status, p.Failure?.Stage, p.Failure?.Reason, p.Attempt));

    private static SseItem<object> Script(ProjectDetails p) => Item("script", new ScriptEvent(p.Title, p.Scenes.Count, p.Description, p.Hashtags));

    private static SseItem<object> Item(string type, object data) => new(data, type);
}

public sealed record StatusEvent(ProjectStatus Status, string? FailedStage, string? Reason, int Attempt);

public sealed record ProgressEvent(int Percent);

public sealed record ScriptEvent(string Title, int Scenes, string? Description, IReadOnlyList<string> Hashtags);
