using ContentMachine.Contracts;
using ContentMachine.ServiceDefaults.Messaging.Inbox;

namespace ContentMachine.Projects.IntegrationEvents;

/// <summary>Applies a pipeline or publishing event to the project's read model, once (the inbox) and only forward (the
/// project's own rules). An event for a deleted project is acknowledged and dropped.</summary>
public abstract class ProjectEventConsumer<TEvent>(ProjectsDbContext db, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<TEvent, ProjectsDbContext>(db, clock, logger) where TEvent : IntegrationEvent
{
    /// <summary>All of them share one queue, read one at a time per replica: a project's events then rarely race.</summary>
    public const string Endpoint = "projects-read-model";

    protected override async Task HandleAsync(TEvent message, CancellationToken ct)
    {
        var project = await Db.Projects.Include(p => p.Scenes).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == message.ProjectId, ct);
        if (project is null)
        {
            Logger.LogInformation("{EventType} {EventId} concerns project {ProjectId}, which no longer exists", typeof(TEvent).Name, message.EventId, message.ProjectId);
            return;
        }
        if (!Apply(project, message))
            Logger.LogInformation("{EventType} {EventId} changed nothing: it is stale, repeated or out of order (project {ProjectId} is {Status})",
                typeof(TEvent).Name, message.EventId, message.ProjectId, project.Status);
    }

    protected abstract bool Apply(Project project, TEvent message);
}
