namespace ContentMachine.Cli.Api.Models;

public sealed record ProjectSummary(Guid Id, string Title, string Topic, string Status, int Progress, bool HasVideo,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
