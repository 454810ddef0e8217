namespace ContentMachine.ServiceDefaults.Http;

/// <summary>Defaults for every HttpClient (section <c>Http:Resilience</c>), after Microsoft's standard resilience handler.</summary>
public sealed class HttpResilienceOptions
{
    public const string Section = "Http:Resilience";

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public bool CircuitBreakerEnabled { get; set; } = true;
    public double BreakerFailureRatio { get; set; } = 0.5;
    public int BreakerMinimumThroughput { get; set; } = 20;
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
