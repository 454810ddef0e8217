namespace ContentMachine.Cli.Api.Events;

public sealed record PublicationChanged(ProjectPublication Publication) : ProjectEvent;
