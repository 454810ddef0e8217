using ContentMachine.Contracts;
using ContentMachine.ServiceDefaults.Messaging.Inbox;

namespace ContentMachine.Projects.IntegrationEvents;

/// <summary>Applies a pipeline or publishing event to the project's read model, once (the inbox) and only forward (the
/// project's own rules). An event for a deleted project is acknowledged and dropped.</summary>
public sealed class ProjectEventConsumer<TEvent>(ProjectsDbContext db, TimeProvider clock, ILogger<ProjectEventConsumer<TEvent>> logger)
    : IdempotentConsumer<TEvent, ProjectsDbContext>(db, clock, logger) where TEvent : IntegrationEvent
{
    /// <summary>Stable per event type (the inbox key), e.g. RunStageStartedConsumer.</summary>
    protected override string ConsumerName => typeof(TEvent).Name + "Consumer";

    protected override async Task HandleAsync(TEvent message, CancellationToken ct)
    {
        var project = await Db.Projects.Include(p => p.Scenes).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == message.ProjectId, ct);
        if (project is null)
        {
            Logger.LogInformation("{EventType} {EventId} concerns project {ProjectId}, which no longer exists", typeof(TEvent).Name, message.EventId, message.ProjectId);
            return;
        }
        if (!ProjectEvents.Apply(project, message))
            Logger.LogInformation("{EventType} {EventId} changed nothing: it is stale, repeated or out of order (project {ProjectId} is {Status})",
                typeof(TEvent).Name, message.EventId, message.ProjectId, project.Status);
    }
}
