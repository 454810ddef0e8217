namespace ContentMachine.Cli.Api.Models;

public sealed record ProjectScene(int Sequence, string Text, double DurationSeconds, string VisualPrompt);
