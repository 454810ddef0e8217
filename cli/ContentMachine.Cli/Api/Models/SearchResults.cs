namespace ContentMachine.Cli.Api.Models;

/// <summary>GET /api/search.</summary>
public sealed record SearchResults(string Query, string Index, IReadOnlyList<SearchHit> Results);
