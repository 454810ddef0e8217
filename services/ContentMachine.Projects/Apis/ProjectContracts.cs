namespace ContentMachine.Projects.Apis;

/// <param name="Topic">What the video is about, 3-200 characters.</param>
public sealed record CreateProjectRequest(string? Topic);

public sealed record ProjectResponse(Guid Id, string Title, string Topic, ProjectStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProjectResponse From(Project p) => new(p.Id, p.Title, p.Topic, p.Status, p.CreatedAt, p.UpdatedAt);
}
