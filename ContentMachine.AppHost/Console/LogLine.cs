namespace ContentMachine.AppHost.Console;

/// <summary>A line a resource's process wrote (or the AppHost wrote about it), as the console and tests see it.</summary>
public sealed record LogLine(string Resource, DateTimeOffset Timestamp, string Text, bool IsError);
