namespace ContentMachine.ServiceDefaults.Messaging.Outbox;

/// <summary>Section <c>Messaging:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Messaging:Outbox";

    public int BatchSize { get; set; } = 200;

    /// <summary>How often the relay looks for rows written by another replica (its own writes wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one publish may wait for the broker's confirmation before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Publishes awaiting the broker's confirmation at once (different projects; one project's are sequential).</summary>
    public int MaxConcurrentPublishes { get; set; } = 32;

    /// <summary>Sent rows (and processed inbox entries) are kept this long, then deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the active relay deletes what is older than <see cref="Retention"/>.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
