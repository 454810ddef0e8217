namespace ContentMachine.Cli.Api.Models;

/// <summary>The options a user chose; null fields take the API's defaults (and are not sent).</summary>
public sealed record ProjectOptionsRequest(string? Archetype = null, int? DurationSeconds = null, string? Voice = null, string? VisualStyle = null,
    IReadOnlyList<string>? Platforms = null);
