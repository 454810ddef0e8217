namespace ContentMachine.Pipeline.Stages;

/// <summary>One step from topic to video. A stage reads what earlier stages checkpointed, writes its artifacts through
/// the Storage service under the run's prefix, and returns its checkpoint (JSON) for later stages and resumption.</summary>
public interface IPipelineStage
{
    string Name { get; }

    /// <summary>The run's overall progress once this stage is done.</summary>
    int ProgressPercent { get; }

    Task<string> ExecuteAsync(RunWork work, CancellationToken ct);
}
