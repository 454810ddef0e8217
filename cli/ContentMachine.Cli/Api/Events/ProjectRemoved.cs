namespace ContentMachine.Cli.Api.Events;

/// <summary>The project was deleted while being watched.</summary>
public sealed record ProjectRemoved : ProjectEvent;
