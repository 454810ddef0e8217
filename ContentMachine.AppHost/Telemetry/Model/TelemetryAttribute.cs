namespace ContentMachine.AppHost.Telemetry.Model;

/// <summary>An attribute as the dashboard shows it: the value rendered as text (arrays and maps as JSON).</summary>
public readonly record struct TelemetryAttribute(string Key, string Value);
