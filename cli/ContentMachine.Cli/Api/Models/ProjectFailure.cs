namespace ContentMachine.Cli.Api.Models;

/// <summary>Where a run stopped and why.</summary>
public sealed record ProjectFailure(string Stage, string? Reason);
