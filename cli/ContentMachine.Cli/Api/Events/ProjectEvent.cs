namespace ContentMachine.Cli.Api.Events;

/// <summary>Something that changed on a project, from its live event stream (or read off the project when polling).</summary>
public abstract record ProjectEvent;
