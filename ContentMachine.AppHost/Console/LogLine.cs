namespace ContentMachine.AppHost.Console;

/// <summary>A line a resource's process wrote (or the AppHost wrote about it), as the console and tests see it.</summary>
/// <see cref="Sequence"/> grows with every line written (across resources), so readers can tell which lines they have seen.
public sealed record LogLine(string Resource, DateTimeOffset Timestamp, string Text, bool IsError, long Sequence = 0);
