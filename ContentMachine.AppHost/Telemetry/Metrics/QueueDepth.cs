namespace ContentMachine.AppHost.Telemetry.Metrics;

/// <summary>One RabbitMQ queue as the management API reports it: messages waiting, delivered but not yet acknowledged,
/// consumers, and the recent publish and acknowledge rates (messages/s).</summary>
public sealed record QueueDepth(
    string Name,
    long Ready,
    long Unacknowledged,
    int Consumers,
    double PublishRate,
    double AckRate)
{
    public long Total => Ready + Unacknowledged;
}
