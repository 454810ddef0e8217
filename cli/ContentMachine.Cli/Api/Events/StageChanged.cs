namespace ContentMachine.Cli.Api.Events;

public sealed record StageChanged(ProjectStage Stage) : ProjectEvent;
