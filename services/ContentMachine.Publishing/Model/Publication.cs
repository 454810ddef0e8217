using ContentMachine.Contracts;

namespace ContentMachine.Publishing.Model;

/// <summary>A project's video on one platform. There is at most one per (project, platform): asking twice returns the
/// same publication, which is what keeps a video from being uploaded twice. Every state change is saved before the side
/// effect it announces (the upload session before the first byte), so a restarted worker continues rather than repeats.</summary>
public sealed class Publication
{
    public const int MaxErrorLength = 2000;

    private readonly List<PublicationAttempt> _attempts = [];

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Platform Platform { get; private set; }
    public PublishMode Mode { get; private set; }
    public PublicationStatus Status { get; private set; }
    public string VideoKey { get; private set; } = "";
    public string? CoverKey { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public List<string> Hashtags { get; private set; } = [];
    public DateTimeOffset? PublishAt { get; private set; }
    public string? Url { get; private set; }
    public string? PlatformId { get; private set; }
    public string? ExportKey { get; private set; }
    public string? Error { get; private set; }
    public bool Retryable { get; private set; }
    /// <summary>The resumable upload session (YouTube), saved before the first byte is sent.</summary>
    public string? UploadSessionUri { get; private set; }
    public long BytesSent { get; private set; }
    public long? TotalBytes { get; private set; }
    /// <summary>When a worker may take it (Pending or WaitingForQuota).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public string? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    /// <summary>Consecutive failed tries since the last success or manual retry (the automatic retry budget).</summary>
    public int FailedTries { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<PublicationAttempt> Attempts => _attempts;

    public PublicationAttempt? CurrentAttempt => _attempts.Count == 0 ? null : _attempts.MaxBy(a => a.Number);

    public static Publication Request(Guid projectId, Platform platform, PublishMode mode, PublicationContent content, DateTimeOffset now)
    {
        var scheduled = content.PublishAt > now;
        return new Publication
        {
            Id = Guid.CreateVersion7(now), ProjectId = projectId, Platform = platform, Mode = mode,
            Status = scheduled ? PublicationStatus.Scheduled : PublicationStatus.Pending,
            NextAttemptAt = scheduled ? null : now,
            VideoKey = content.VideoKey, CoverKey = content.CoverKey, Title = content.Title, Description = content.Description,
            Hashtags = [.. content.Hashtags], PublishAt = content.PublishAt, CreatedAt = now, UpdatedAt = now,
        };
    }

    public PublicationContent Content => new(VideoKey, CoverKey, Title, Description, Hashtags, PublishAt);

    public bool IsDone => Status is PublicationStatus.Published or PublicationStatus.Exported;

    /// <summary>The scheduled time has come (the Quartz job): false if it is not waiting for that any more.</summary>
    public bool MakeDue(DateTimeOffset now)
    {
        if (Status != PublicationStatus.Scheduled) return false;
        Status = PublicationStatus.Pending;
        NextAttemptAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <summary>A worker takes it: a new attempt, held for <paramref name="lease"/> (renewed by progress).</summary>
    public PublicationAttempt Begin(string worker, DateTimeOffset now, TimeSpan lease)
    {
        if (CurrentAttempt is { FinishedAt: null } open)
            open.Finish("interrupted", "The worker stopped (restart or crash) before finishing; continued by the next attempt.", now);
        var attempt = PublicationAttempt.Start(Id, _attempts.Count + 1, worker, now);
        _attempts.Add(attempt);
        Status = PublicationStatus.Uploading;
        LeaseOwner = worker;
        LeaseUntil = now + lease;
        UpdatedAt = now;
        return attempt;
    }

    public void RecordSession(Uri sessionUri, long totalBytes, DateTimeOffset now, TimeSpan lease)
    {
        UploadSessionUri = sessionUri.AbsoluteUri;
        TotalBytes = totalBytes;
        BytesSent = 0;
        Renew(now, lease);
    }

    public void RecordProgress(long bytesSent, DateTimeOffset now, TimeSpan lease)
    {
        BytesSent = bytesSent;
        Renew(now, lease);
    }

    /// <summary>The platform no longer knows the session (expired, 404): the next try starts a new one.</summary>
    public void ForgetSession()
    {
        UploadSessionUri = null;
        BytesSent = 0;
    }

    public VideoPublished Publish(string url, string platformId, DateTimeOffset now)
    {
        Finish(PublicationStatus.Published, "published", null, now);
        Url = url;
        PlatformId = platformId;
        return new VideoPublished { ProjectId = ProjectId, Platform = PlatformName, Url = url, PlatformId = platformId, ScheduledFor = FuturePublishAt(now), OccurredAt = now };
    }

    public VideoPublished Export(string exportKey, string url, DateTimeOffset now)
    {
        Finish(PublicationStatus.Exported, "exported", null, now);
        ExportKey = exportKey;
        Url = url;
        return new VideoPublished { ProjectId = ProjectId, Platform = PlatformName, Url = url, ScheduledFor = FuturePublishAt(now), OccurredAt = now };
    }

    /// <summary>Not a failure: the quota window is full, so it waits for the next one.</summary>
    public void WaitForQuota(DateTimeOffset until, string reason, DateTimeOffset now)
    {
        Finish(PublicationStatus.WaitingForQuota, "waiting for quota", reason, now);
        NextAttemptAt = until;
    }

    /// <summary>A transient failure with tries left: the runner takes it again at <paramref name="at"/>.</summary>
    public void RetryLater(string error, DateTimeOffset at, DateTimeOffset now)
    {
        Finish(PublicationStatus.Pending, "failed, will retry", error, now);
        FailedTries++;
        NextAttemptAt = at;
    }

    public PublishFailed Fail(string reason, bool retryable, DateTimeOffset now)
    {
        Finish(PublicationStatus.Failed, "failed", reason, now);
        FailedTries++;
        Retryable = retryable;
        return new PublishFailed { ProjectId = ProjectId, Platform = PlatformName, Reason = Error!, Retryable = retryable, OccurredAt = now };
    }

    /// <summary>The user's retry of a failed publication (the upload session, if any, is kept: it resumes).</summary>
    public bool Retry(DateTimeOffset now)
    {
        if (Status != PublicationStatus.Failed) return false;
        Status = PublicationStatus.Pending;
        NextAttemptAt = now;
        FailedTries = 0;
        Error = null;
        Retryable = false;
        UpdatedAt = now;
        return true;
    }

    public string PlatformName => Platform.ToString().ToLowerInvariant();

    private DateTimeOffset? FuturePublishAt(DateTimeOffset now) => PublishAt > now ? PublishAt : null;

    private void Renew(DateTimeOffset now, TimeSpan lease)
    {
        LeaseUntil = now + lease;
        UpdatedAt = now;
    }

    private void Finish(PublicationStatus status, string outcome, string? error, DateTimeOffset now)
    {
        CurrentAttempt?.Finish(outcome, error, now);
        Status = status;
        Error = error is null ? null : Truncate(error, MaxErrorLength);
        if (status != PublicationStatus.Failed) Retryable = false;
        if (status is PublicationStatus.Published or PublicationStatus.Exported) FailedTries = 0;
        NextAttemptAt = null;
        LeaseOwner = null;
        LeaseUntil = null;
        UpdatedAt = now;
    }

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
