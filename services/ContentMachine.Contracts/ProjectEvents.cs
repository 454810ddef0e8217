namespace ContentMachine.Contracts;

/// <summary>A project is queued for rendering (first time, or again on retry with a higher attempt: the run resumes from
/// its last completed stage).</summary>
public sealed record ProjectSubmitted : RunEvent
{
    public required string Topic { get; init; }
    public required string Title { get; init; }
    public required VideoOptions Options { get; init; }
}

/// <summary>The user cancelled a queued or running project.</summary>
public sealed record ProjectCancellationRequested : RunEvent;

/// <summary>The project is gone: its objects, index entries and runs may be removed.</summary>
public sealed record ProjectDeleted : IntegrationEvent;

/// <summary>The user asked to publish the rendered video to these platforms, now or at <see cref="PublishAt"/>.</summary>
public sealed record PublishRequested : IntegrationEvent
{
    public required IReadOnlyList<string> Platforms { get; init; }
    public DateTimeOffset? PublishAt { get; init; }
    public required string VideoKey { get; init; }
    public string? CoverKey { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Hashtags { get; init; } = [];
}

/// <summary>How the video is to be made; validated by the Projects API.</summary>
public sealed record VideoOptions
{
    public string Archetype { get; init; } = Archetypes.Listicle;
    public int DurationSeconds { get; init; } = 45;
    public string Voice { get; init; } = Voices.Default;
    public string Language { get; init; } = "en";
    public string VisualStyle { get; init; } = VisualStyles.Vivid;
    public IReadOnlyList<Guid> MediaIds { get; init; } = [];
    public IReadOnlyList<string> Platforms { get; init; } = [];
    public bool AutoPublish { get; init; }
    public DateTimeOffset? PublishAt { get; init; }
    public int? Seed { get; init; }

    /// <summary>warn (default): render anyway and record the similar project; fail: stop before rendering, naming it.</summary>
    public string OnDuplicate { get; init; } = DuplicatePolicies.Warn;
}
