using ContentMachine.ServiceDefaults.Messaging;
using ContentMachine.Contracts;
using ContentMachine.ServiceDefaults.Messaging.Inbox;

namespace ContentMachine.Pipeline.IntegrationEvents;

/// <summary>Creates the project's run, or queues it again for a retry, and hands it to the workers (RunQueued).</summary>
public sealed class ProjectSubmittedConsumer(PipelineDbContext db, TimeProvider clock, ILogger<ProjectSubmittedConsumer> logger)
    : IdempotentConsumer<ProjectSubmitted, PipelineDbContext>(db, clock, logger)
{
    public const string Endpoint = "pipeline-runs";

    private bool _queued;

    protected override async Task HandleAsync(ProjectSubmitted message, CancellationToken ct)
    {
        var run = await Db.Runs.FirstOrDefaultAsync(r => r.Id == message.RunId, ct);
        if (run is null) Db.Runs.Add(run = Run.Submitted(message));
        else if (!run.Resubmit(message)) return;
        // The work itself goes to the work queue, committed with the run: a worker may take it on any replica.
        Db.AddIntegrationEvent(run.Queued(Clock.GetUtcNow()));
        _queued = true;
    }

    protected override void OnCommitted(ProjectSubmitted message)
    {
        if (_queued)
            Logger.LogInformation("Run {RunId} of project {ProjectId} queued (attempt {Attempt})", message.RunId, message.ProjectId, message.Attempt);
    }
}
