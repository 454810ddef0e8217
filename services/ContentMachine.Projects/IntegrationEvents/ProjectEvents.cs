using ContentMachine.Contracts;
using MassTransit;

namespace ContentMachine.Projects.IntegrationEvents;

/// <summary>The events the read model follows, and which of the project's rules each one goes to.</summary>
public static class ProjectEvents
{
    /// <summary>All share one queue, read one at a time per replica: a project's events then rarely race.</summary>
    public const string Endpoint = "projects-read-model";

    public static bool Apply(Project project, IntegrationEvent message) => message switch
    {
        RunStageStarted e => project.Apply(e),
        RunStageCompleted e => project.Apply(e),
        ScriptGenerated e => project.Apply(e),
        VideoRendered e => project.Apply(e),
        RunFailed e => project.Apply(e),
        DuplicateSuspected e => project.Apply(e),
        RunCancelled e => project.Apply(e),
        VideoPublished e => project.Apply(e),
        PublishFailed e => project.Apply(e),
        _ => throw new NotSupportedException($"The read model does not follow {message.GetType().Name}."),
    };

    public static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        void Follow<T>() where T : IntegrationEvent =>
            bus.AddConsumer<ProjectEventConsumer<T>>().Endpoint(e =>
            {
                e.Name = Endpoint;
                e.ConcurrentMessageLimit = 1;
            });
        Follow<RunStageStarted>();
        Follow<RunStageCompleted>();
        Follow<ScriptGenerated>();
        Follow<VideoRendered>();
        Follow<RunFailed>();
        Follow<DuplicateSuspected>();
        Follow<RunCancelled>();
        Follow<VideoPublished>();
        Follow<PublishFailed>();
    }
}
