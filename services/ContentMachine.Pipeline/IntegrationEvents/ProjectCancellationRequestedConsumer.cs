using ContentMachine.Contracts;
using ContentMachine.ServiceDefaults.Messaging;
using ContentMachine.ServiceDefaults.Messaging.Inbox;

namespace ContentMachine.Pipeline.IntegrationEvents;

/// <summary>Stops the run's attempt and confirms with RunCancelled (through the outbox, in the same transaction).</summary>
public sealed class ProjectCancellationRequestedConsumer(PipelineDbContext db, TimeProvider clock, ILogger<ProjectCancellationRequestedConsumer> logger)
    : IdempotentConsumer<ProjectCancellationRequested, PipelineDbContext>(db, clock, logger)
{
    private bool _cancelled;

    protected override async Task HandleAsync(ProjectCancellationRequested message, CancellationToken ct)
    {
        var run = await Db.Runs.FirstOrDefaultAsync(r => r.Id == message.RunId, ct);
        if (run?.Cancel(message, Clock.GetUtcNow()) is { } cancelled)
        {
            Db.AddIntegrationEvent(cancelled);
            _cancelled = true;
        }
    }

    protected override void OnCommitted(ProjectCancellationRequested message)
    {
        if (_cancelled)
            Logger.LogInformation("Run {RunId} of project {ProjectId} cancelled (attempt {Attempt})", message.RunId, message.ProjectId, message.Attempt);
    }
}
