using ContentMachine.Contracts;

namespace ContentMachine.Cli.Tests;

/// <summary>A project as the fake gateway keeps it, shaped on the wire like the Projects API's ProjectDetails.</summary>
public sealed class FakeProject(Guid id, string topic)
{
    private readonly Lock _gate = new();

    public Guid Id { get; } = id;
    public string Topic { get; } = topic;
    public string Status { get; set; } = "queued";
    public int Progress { get; set; }
    public (string Stage, string Reason)? Failure { get; set; }
    public Dictionary<string, (string Status, string? Error)> Stages { get; } = Contracts.Stages.All.ToDictionary(s => s, _ => ("pending", (string?)null));
    public List<(string Platform, string Status, string? Error)> Publications { get; } = [];
    public byte[]? Video { get; set; }

    /// <summary>What the video's record claims (normally the bytes' own size and hash; a test can make it lie).</summary>
    public long? ClaimedSize { get; set; }

    public void Change(Action<FakeProject> change)
    {
        lock (_gate) change(this);
    }

    public object Stage(string name) => new { name, status = Stages[name].Status, attempt = 1, startedAt = (DateTimeOffset?)null, completedAt = (DateTimeOffset?)null, error = Stages[name].Error };

    public object Publication((string Platform, string Status, string? Error) p) =>
        new { platform = p.Platform, status = p.Status, scheduledFor = (DateTimeOffset?)null, url = (string?)null, error = p.Error, updatedAt = DateTimeOffset.UtcNow };

    public object StatusEvent() => new { status = Status, failedStage = Failure?.Stage, reason = Failure?.Reason, attempt = 1 };

    public object Details()
    {
        lock (_gate)
            return new
            {
                id = Id, title = $"About {Topic}", topic = Topic, status = Status, options = new VideoOptions(), runId = Guid.NewGuid(), attempt = 1,
                progress = Progress, failure = Failure is { } f ? new { stage = f.Stage, reason = f.Reason } : null,
                warnings = Array.Empty<string>(), description = "A description.", hashtags = new[] { "#fake" },
                scenes = new[] { new { sequence = 1, text = "The first scene.", durationSeconds = 4.5, visualPrompt = "blue" } },
                stages = Contracts.Stages.All.Select(Stage).ToList(),
                video = Video is { } bytes
                    ? new
                    {
                        url = $"/api/projects/{Id}/video", coverUrl = $"/api/storage/objects/projects/{Id}/outputs/cover.jpg",
                        videoKey = $"projects/{Id}/outputs/final.mp4", coverKey = $"projects/{Id}/outputs/cover.jpg", durationSeconds = 15.2,
                        width = 1080, height = 1920, sizeBytes = ClaimedSize ?? bytes.LongLength,
                        sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), renderedAt = DateTimeOffset.UtcNow,
                    }
                    : null,
                publications = Publications.Select(Publication).ToList(),
                version = "1", createdAt = DateTimeOffset.UtcNow, updatedAt = DateTimeOffset.UtcNow,
            };
    }
}
