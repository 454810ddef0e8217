namespace ContentMachine.AppHost.Telemetry.Model;

/// <summary>The process that sent a batch (OTLP resource), shared by every span, log and point of that batch.</summary>
public sealed record TelemetryResource(string ServiceName, string? InstanceId, IReadOnlyList<TelemetryAttribute> Attributes)
{
    public const string UnknownService = "unknown_service";

    /// <summary>Whether a filter names this resource: its service (all replicas) or one replica.</summary>
    public bool Matches(string name) =>
        string.Equals(ServiceName, name, StringComparison.OrdinalIgnoreCase) || string.Equals(InstanceId, name, StringComparison.OrdinalIgnoreCase);
}
