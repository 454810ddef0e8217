namespace ContentMachine.Projects.Model;

public sealed class Project
{
    public const int MaxTitleLength = 100;

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Topic { get; private set; } = "";
    public ProjectStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Project Create(string topic, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var trimmed = topic.Trim();
        return new Project
        {
            Id = Guid.CreateVersion7(now),
            Topic = trimmed,
            Title = trimmed.Length <= MaxTitleLength ? trimmed : trimmed[..(MaxTitleLength - 1)].TrimEnd() + "…",
            Status = ProjectStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
