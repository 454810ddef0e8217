namespace ContentMachine.Publishing.Apis;

/// <param name="ProjectId">The project whose video is published.</param>
/// <param name="Platform">youtube, tiktok or instagram.</param>
public sealed record RequestPublicationRequest(Guid ProjectId, string? Platform)
{
    public Platform? ParsePlatform() =>
        Enum.TryParse<Platform>(Platform, ignoreCase: true, out var p) && Enum.IsDefined(p) && !int.TryParse(Platform, out _) ? p : null;
}

public sealed record PublicationResponse(Guid Id, Guid ProjectId, Platform Platform, PublicationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PublicationResponse From(Publication p) => new(p.Id, p.ProjectId, p.Platform, p.Status, p.CreatedAt, p.UpdatedAt);
}
