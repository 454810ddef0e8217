namespace ContentMachine.Contracts;

public sealed record RunStageStarted : RunEvent
{
    public required string Stage { get; init; }
}

/// <summary>A stage finished; <see cref="ProgressPercent"/> is the run's overall progress after it.</summary>
public sealed record RunStageCompleted : RunEvent
{
    public required string Stage { get; init; }
    public required int ProgressPercent { get; init; }
    public double DurationSeconds { get; init; }
}

public sealed record ScriptGenerated : RunEvent
{
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public IReadOnlyList<string> Hashtags { get; init; } = [];
    public required IReadOnlyList<SceneScript> Scenes { get; init; }
}

public sealed record SceneScript(int Sequence, string Text, double DurationSeconds, string VisualPrompt);

public sealed record VideoRendered : RunEvent
{
    public required string VideoKey { get; init; }
    public required string CoverKey { get; init; }
    public required double DurationSeconds { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required long SizeBytes { get; init; }
    public required string Sha256 { get; init; }
}

public sealed record RunFailed : RunEvent
{
    public required string Stage { get; init; }
    public required string Reason { get; init; }
    public bool Retryable { get; init; }
}

public sealed record RunCancelled : RunEvent;

/// <summary>The pipeline queued a run's attempt for its workers (the work queue's message: a replica that dies while
/// holding it leaves it unacknowledged, and another replica resumes the run from its checkpoints).</summary>
public sealed record RunQueued : RunEvent;

/// <summary>Search found content close to the run's script before rendering; the run went on (the project's
/// options say whether a duplicate fails the run or is only recorded).</summary>
public sealed record DuplicateSuspected : RunEvent
{
    public required Guid SimilarProjectId { get; init; }
    public required double Score { get; init; }
    public string? SimilarTitle { get; init; }
}
