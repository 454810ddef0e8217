namespace ContentMachine.Cli.Api.Models;

public sealed record SearchHit(Guid ProjectId, double Score, string Title, string Topic, string Archetype, string Status,
    DateTimeOffset CreatedAt, IReadOnlyList<string> Platforms);
