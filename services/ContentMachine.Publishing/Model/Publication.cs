namespace ContentMachine.Publishing.Model;

/// <summary>A project's video on one platform. There is at most one per (project, platform): asking twice returns the
/// same publication, which is what keeps a video from being uploaded twice.</summary>
public sealed class Publication
{
    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Platform Platform { get; private set; }
    public PublicationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Publication Request(Guid projectId, Platform platform, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new Publication
        {
            Id = Guid.CreateVersion7(now), ProjectId = projectId, Platform = platform,
            Status = PublicationStatus.Pending, CreatedAt = now, UpdatedAt = now,
        };
    }
}
