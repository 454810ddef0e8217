using ContentMachine.ServiceDefaults.Clients;
using ContentMachine.Contracts;
using ContentMachine.Pipeline.Stages;
using ContentMachine.ServiceDefaults.Configuration;
using ContentMachine.ServiceDefaults.Messaging;
using ContentMachine.ServiceDefaults.Telemetry;
using MassTransit;

namespace ContentMachine.Pipeline.Runs;

/// <summary>Works a queued run through its stages, skipping those already checkpointed. It holds the RunQueued message
/// until it is done: a replica that dies mid-run never acknowledges it, so the broker gives it to another replica, which
/// resumes from the last completed stage. Each stage's checkpoint and its events commit together (outbox), so a stage
/// redone after a crash never emits twice. Transient failures are retried in place; a stage that keeps failing, or fails
/// for good, fails the run with RunFailed naming the stage and the reason.</summary>
public sealed class RunExecutor(
    PipelineDbContext db, IEnumerable<IPipelineStage> stages, StorageClient storage, IServiceScopeFactory scopes,
    IOptions<PipelineOptions> options, ServiceIdentity identity, ServiceTelemetry telemetry, TimeProvider clock, ILogger<RunExecutor> logger)
    : IConsumer<RunQueued>
{
    public const string Endpoint = "pipeline-work";

    public async Task Consume(ConsumeContext<RunQueued> context)
    {
        var message = context.Message;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = message.RunId, ["ProjectId"] = message.ProjectId });
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == message.RunId, context.CancellationToken);
        if (run is null || !run.IsWorkable(message.Attempt))
        {
            logger.LogInformation("Run {RunId} attempt {Attempt} is no longer to be worked on ({Status}); dropped", message.RunId, message.Attempt, run?.Status);
            return;
        }
        using var activity = telemetry.Source.StartActivity("pipeline.run");
        activity?.SetTag("project.id", run.ProjectId.ToString());
        activity?.SetTag("run.id", run.Id.ToString());
        run.Begin(identity.InstanceId, clock.GetUtcNow());
        await db.SaveChangesAsync(context.CancellationToken);

        await using var watch = new CancellationWatch(scopes, run.Id, run.Attempt, options.Value.CancellationPollInterval, context.CancellationToken);
        using var folder = RunFolder.Create(WorkFolderJanitor.InstanceRoot(options.Value, identity), run.Id, run.Attempt);
        try
        {
            foreach (var stage in stages)
            {
                if (run.Checkpoint(stage.Name)?.Status == StageStatus.Completed) continue;
                if (!await RunStageAsync(run, stage, folder.Path, watch.Token)) return;
            }
            logger.LogInformation("Run {RunId} of project {ProjectId} rendered (attempt {Attempt})", run.Id, run.ProjectId, run.Attempt);
        }
        catch (OperationCanceledException) when (watch.RunStopped)
        {
            logger.LogInformation("Run {RunId} of project {ProjectId} stopped at {Stage}: cancelled or superseded", run.Id, run.ProjectId, run.Stage);
        }
    }

    /// <summary>One stage, tried until it completes (true), or fails the run (false).</summary>
    private async Task<bool> RunStageAsync(Run run, IPipelineStage stage, string folder, CancellationToken ct)
    {
        for (var tries = 1; ; tries++)
        {
            db.AddIntegrationEvent(run.StartStage(stage.Name, clock.GetUtcNow()));
            await SaveAsync(ct);
            using var activity = telemetry.Source.StartActivity($"pipeline.{stage.Name}");
            activity?.SetTag("project.id", run.ProjectId.ToString());
            var work = new RunWork(run, folder, storage);
            try
            {
                var output = await stage.ExecuteAsync(work, ct);
                var now = clock.GetUtcNow();
                foreach (var e in work.Events) db.AddIntegrationEvent(e);
                db.AddIntegrationEvent(run.CompleteStage(stage.Name, output, stage.ProgressPercent, now));
                if (stage.ProgressPercent == 100) run.Succeed(now);
                await SaveAsync(ct);
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
                var permanent = ex is StageFailedException;
                if (!permanent && tries < options.Value.StageMaxTries)
                {
                    logger.LogWarning("Stage {Stage} of run {RunId} failed (try {Try} of {MaxTries}): {Reason}; trying again",
                        stage.Name, run.Id, tries, options.Value.StageMaxTries, ex.Message);
                    await Task.Delay(options.Value.StageRetryDelay * tries, ct);
                    continue;
                }
                logger.LogError("Run {RunId} of project {ProjectId} failed at {Stage}: {Reason}", run.Id, run.ProjectId, stage.Name, ex.Message);
                db.AddIntegrationEvent(run.Fail(stage.Name, ex.Message, retryable: !permanent, clock.GetUtcNow()));
                await SaveAsync(ct);
                return false;
            }
        }
    }

    /// <summary>Saves the run; if it was cancelled or superseded meanwhile (the concurrency token changed), stops the work.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new OperationCanceledException("The run changed under this worker (cancelled or retried).", ct);
        }
    }
}
