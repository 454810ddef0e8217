namespace ContentMachine.Gateway.Routing;

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Largest request body for routes that do not set their own (storage does).</summary>
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How often the gateway probes each replica's /alive to route around a dead one.</summary>
    public TimeSpan DestinationProbeInterval { get; set; } = TimeSpan.FromSeconds(2);
}
