using ContentMachine.Contracts;

namespace ContentMachine.Projects.Model;

/// <summary>The system of record for one video. Commands (submit, cancel, retry, publish, edit) answer null when done or
/// the reason they are refused; pipeline and publishing events are applied so that a repeated, stale (older attempt)
/// or out-of-order event never moves the project backwards. Integration events raised by a change wait in
/// <see cref="PendingEvents"/> until the DbContext writes them to the outbox in the same transaction.</summary>
public sealed class Project
{
    public const int MaxTitleLength = 100;
    public const string PublishStage = "publish";

    private readonly List<IntegrationEvent> _pendingEvents = [];

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public bool TitleEdited { get; private set; }
    public string Topic { get; private set; } = "";
    public ProjectStatus Status { get; private set; }
    public VideoOptions Options { get; private set; } = new();
    public Guid? RunId { get; private set; }
    public int Attempt { get; private set; }
    public int Progress { get; private set; }
    public string? FailedStage { get; private set; }
    public string? FailureReason { get; private set; }
    public string? Description { get; private set; }
    public List<string> Hashtags { get; private set; } = [];

    /// <summary>What the pipeline found worth telling without failing the run (a near-duplicate of another project).</summary>
    public List<string> Warnings { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Counts every change, so that each one rewrites the project row: that bumps the concurrency token and
    /// fires the change notification even when only a stage or a publication changed.</summary>
    public int Revision { get; private set; }

    /// <summary>PostgreSQL's xmin: the optimistic concurrency token clients send back as <c>version</c>.</summary>
    public uint Version { get; private set; }

    public List<ProjectStage> Stages { get; private set; } = [];
    public List<Scene> Scenes { get; private set; } = [];
    public Video? Video { get; private set; }
    public List<Publication> Publications { get; private set; } = [];

    public IReadOnlyList<IntegrationEvent> PendingEvents => _pendingEvents;

    public static Project Create(string topic, VideoOptions options, bool draft, DateTimeOffset now)
    {
        var trimmed = topic.Trim();
        var project = new Project
        {
            Id = Guid.CreateVersion7(now),
            Topic = trimmed,
            Title = DefaultTitle(trimmed),
            Options = options,
            Status = ProjectStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            Stages = Contracts.Stages.All.Select((name, i) => ProjectStage.Pending(name, i)).ToList(),
        };
        if (!draft) project.QueueRun(now);
        return project;
    }

    public static string DefaultTitle(string topic) =>
        topic.Length <= MaxTitleLength ? topic : topic[..(MaxTitleLength - 1)].TrimEnd() + "…";

    public void ClearPendingEvents() => _pendingEvents.Clear();

    // ---- commands -------------------------------------------------------------------------------------------------

    public string? Submit(DateTimeOffset now)
    {
        if (Status != ProjectStatus.Draft) return $"Only a draft can be submitted; the project is {Status.ToString().ToLowerInvariant()}.";
        QueueRun(now);
        return null;
    }

    public string? Edit(string? title, VideoOptions? options, DateTimeOffset now)
    {
        if (!Status.IsEditable()) return $"A project can be edited while it is a draft or has failed; it is {Status.ToString().ToLowerInvariant()}.";
        if (title is not null) (Title, TitleEdited) = (title.Trim(), true);
        if (options is not null) Options = options;
        Touch(now);
        return null;
    }

    public string? Cancel(DateTimeOffset now)
    {
        if (Status == ProjectStatus.Draft)
        {
            Status = ProjectStatus.Cancelled;
            Touch(now);
            return null;
        }
        if (!Status.IsActive()) return $"Only a queued or running project can be cancelled; the project is {Status.ToString().ToLowerInvariant()}.";
        Status = ProjectStatus.Cancelled;
        Touch(now);
        Raise(new ProjectCancellationRequested { ProjectId = Id, RunId = RunId!.Value, Attempt = Attempt, OccurredAt = now });
        return null;
    }

    /// <summary>A failed or cancelled run resumes from its last completed stage under the next attempt; a failed
    /// publication is requested again.</summary>
    public string? Retry(DateTimeOffset now)
    {
        if (Status == ProjectStatus.Failed && FailedStage == PublishStage)
        {
            var failed = Publications.Where(p => p.Status == PublicationStatus.Failed).ToList();
            failed.ForEach(p => p.Retry(now));
            (Status, FailedStage, FailureReason) = (ProjectStatus.Publishing, null, null);
            RaisePublishRequested(failed.Select(p => p.Platform).ToList(), failed.Select(p => p.ScheduledFor).Max(), now);
            Touch(now);
            return null;
        }
        if (Status is not (ProjectStatus.Failed or ProjectStatus.Cancelled))
            return $"Only a failed or cancelled project can be retried; the project is {Status.ToString().ToLowerInvariant()}.";
        if (RunId is null) return "The project was never submitted; submit it instead.";
        QueueRun(now);
        return null;
    }

    public string? RequestPublish(IReadOnlyList<string> platforms, DateTimeOffset? publishAt, DateTimeOffset now)
    {
        if (Video is null) return $"The project has no video yet; it is {Status.ToString().ToLowerInvariant()}.";
        if (Status is ProjectStatus.Queued or ProjectStatus.Running) return "A new run is under way; publish once it has rendered.";
        var fresh = platforms.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(p => !Publications.Any(x => string.Equals(x.Platform, p, StringComparison.OrdinalIgnoreCase) && x.Status != PublicationStatus.Failed))
            .ToList();
        if (fresh.Count == 0) return $"The video is already published or being published to {string.Join(", ", platforms)}.";
        foreach (var platform in fresh)
        {
            Publications.RemoveAll(p => p.Platform == platform);
            Publications.Add(Publication.Requested(platform, publishAt, now));
        }
        (Status, FailedStage, FailureReason) = (ProjectStatus.Publishing, null, null);
        RaisePublishRequested(fresh, publishAt, now);
        Touch(now);
        return null;
    }

    /// <summary>Before deletion: stop the run if one is under way, and tell every service the project is gone.</summary>
    public void PrepareForDeletion(DateTimeOffset now)
    {
        if (Status.IsActive()) Cancel(now);
        Raise(new ProjectDeleted { ProjectId = Id, OccurredAt = now });
    }

    private void QueueRun(DateTimeOffset now)
    {
        RunId ??= Guid.CreateVersion7(now);
        Attempt++;
        (Status, FailedStage, FailureReason) = (ProjectStatus.Queued, null, null);
        Stages.ForEach(s => s.ResetUnlessCompleted());
        Touch(now);
        Raise(new ProjectSubmitted
        {
            ProjectId = Id, RunId = RunId.Value, Attempt = Attempt, Topic = Topic, Title = Title, Options = Options, OccurredAt = now,
        });
    }

    private void RaisePublishRequested(IReadOnlyList<string> platforms, DateTimeOffset? publishAt, DateTimeOffset now) =>
        Raise(new PublishRequested
        {
            ProjectId = Id, Platforms = platforms, PublishAt = publishAt, VideoKey = Video!.VideoKey, CoverKey = Video.CoverKey,
            Title = Title, Description = Description, Hashtags = Hashtags, OccurredAt = now,
        });

    // ---- events from the pipeline and publishing ------------------------------------------------------------------

    /// <summary>The event belongs to the attempt under way; anything else is stale and ignored.</summary>
    private bool IsCurrent(RunEvent e) => e.RunId == RunId && e.Attempt == Attempt;

    public bool Apply(RunStageStarted e)
    {
        if (!IsCurrent(e) || !Status.IsActive()) return false;
        var changed = Stage(e.Stage)?.Start(e.Attempt, e.OccurredAt) ?? false;
        if (Status == ProjectStatus.Queued) (Status, changed) = (ProjectStatus.Running, true);
        return Touched(changed, e.OccurredAt);
    }

    public bool Apply(RunStageCompleted e)
    {
        if (!IsCurrent(e) || Status is ProjectStatus.Cancelled or ProjectStatus.Failed) return false;
        var changed = Stage(e.Stage)?.Complete(e.Attempt, e.OccurredAt) ?? false;
        if (e.ProgressPercent > Progress) (Progress, changed) = (Math.Clamp(e.ProgressPercent, 0, 100), true);
        if (Status == ProjectStatus.Queued) (Status, changed) = (ProjectStatus.Running, true);
        return Touched(changed, e.OccurredAt);
    }

    public bool Apply(ScriptGenerated e)
    {
        if (!IsCurrent(e) || Status is ProjectStatus.Cancelled or ProjectStatus.Failed) return false;
        Scenes.Clear();
        Scenes.AddRange(e.Scenes.Select(Scene.From));
        if (!TitleEdited) Title = DefaultTitle(e.Title);
        (Description, Hashtags) = (e.Description, e.Hashtags.ToList());
        if (Status == ProjectStatus.Queued) Status = ProjectStatus.Running;
        return Touched(true, e.OccurredAt);
    }

    public bool Apply(VideoRendered e)
    {
        if (!IsCurrent(e) || !Status.IsActive()) return false;
        Video = Video.From(e);
        (Status, Progress) = (ProjectStatus.Rendered, 100);
        Touched(true, e.OccurredAt);
        if (Options.AutoPublish && Options.Platforms.Count > 0) RequestPublish(Options.Platforms, Options.PublishAt, e.OccurredAt);
        return true;
    }

    public bool Apply(DuplicateSuspected e)
    {
        if (!IsCurrent(e)) return false;
        var warning = $"Similar to project {e.SimilarProjectId}{(e.SimilarTitle is null ? "" : $" (\"{e.SimilarTitle}\")")}: {e.Score:P0} alike.";
        if (Warnings.Contains(warning)) return false;
        Warnings.Add(warning);
        return Touched(true, e.OccurredAt);
    }

    public bool Apply(RunFailed e)
    {
        if (!IsCurrent(e) || !Status.IsActive()) return false;
        Stage(e.Stage)?.Fail(e.Attempt, e.Reason, e.OccurredAt);
        (Status, FailedStage, FailureReason) = (ProjectStatus.Failed, e.Stage, e.Reason);
        return Touched(true, e.OccurredAt);
    }

    public bool Apply(RunCancelled e)
    {
        if (!IsCurrent(e) || !Status.IsActive()) return false;
        Status = ProjectStatus.Cancelled;
        return Touched(true, e.OccurredAt);
    }

    public bool Apply(VideoPublished e)
    {
        var publication = Publications.FirstOrDefault(p => string.Equals(p.Platform, e.Platform, StringComparison.OrdinalIgnoreCase));
        if (publication is null || !publication.Publish(e.Url, e.OccurredAt)) return false;
        if (Publications.All(p => p.Status == PublicationStatus.Published)) Status = ProjectStatus.Published;
        return Touched(true, e.OccurredAt);
    }

    public bool Apply(PublishFailed e)
    {
        var publication = Publications.FirstOrDefault(p => string.Equals(p.Platform, e.Platform, StringComparison.OrdinalIgnoreCase));
        if (publication is null || !publication.Fail(e.Reason, e.OccurredAt)) return false;
        if (Status == ProjectStatus.Publishing && !Publications.Any(p => p.IsOutstanding))
            (Status, FailedStage, FailureReason) = Publications.Any(p => p.Status == PublicationStatus.Published)
                ? (ProjectStatus.Published, (string?)null, (string?)null)
                : (ProjectStatus.Failed, PublishStage, $"Publishing to {e.Platform} failed: {e.Reason}");
        return Touched(true, e.OccurredAt);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private ProjectStage? Stage(string name) => Stages.FirstOrDefault(s => s.Name == name);

    private void Raise(IntegrationEvent e) => _pendingEvents.Add(e);

    private void Touch(DateTimeOffset now)
    {
        Revision++;
        if (now > UpdatedAt) UpdatedAt = now;
    }

    private bool Touched(bool changed, DateTimeOffset at)
    {
        if (changed) Touch(at);
        return changed;
    }
}
