namespace ContentMachine.Cli.Api.Events;

/// <summary>The run's overall progress, 0-100.</summary>
public sealed record ProgressChanged(int Percent) : ProjectEvent;
