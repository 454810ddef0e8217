namespace ContentMachine.Projects.Model;

public enum PublicationStatus
{
    Pending,
    Scheduled,
    Published,
    Failed,
}

/// <summary>The read model of the project's video on one platform (the Publishing service owns the real thing).</summary>
public sealed class Publication
{
    public Guid ProjectId { get; private set; }
    public string Platform { get; private set; } = "";
    public PublicationStatus Status { get; private set; }
    public DateTimeOffset? ScheduledFor { get; private set; }
    public string? Url { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Publication Requested(string platform, DateTimeOffset? scheduledFor, DateTimeOffset now) => new()
    {
        Platform = platform, ScheduledFor = scheduledFor, UpdatedAt = now,
        Status = scheduledFor is null ? PublicationStatus.Pending : PublicationStatus.Scheduled,
    };

    public bool IsOutstanding => Status is PublicationStatus.Pending or PublicationStatus.Scheduled;

    public bool Publish(string? url, DateTimeOffset at)
    {
        if (Status == PublicationStatus.Published) return false;
        (Status, Url, Error, UpdatedAt) = (PublicationStatus.Published, url, null, at);
        return true;
    }

    public bool Fail(string reason, DateTimeOffset at)
    {
        if (Status == PublicationStatus.Published) return false;
        (Status, Error, UpdatedAt) = (PublicationStatus.Failed, reason, at);
        return true;
    }

    public void Retry(DateTimeOffset at) => (Status, Error, UpdatedAt) = (ScheduledFor is null ? PublicationStatus.Pending : PublicationStatus.Scheduled, null, at);
}
