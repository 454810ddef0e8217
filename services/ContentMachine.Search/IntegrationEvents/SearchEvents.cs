using ContentMachine.Contracts;
using MassTransit;

namespace ContentMachine.Search.IntegrationEvents;

/// <summary>The events the index follows. They share one queue read one message at a time per replica, so a project's
/// events are applied in arrival order.</summary>
public static class SearchEvents
{
    public const string Endpoint = "search-index";

    public static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        void Follow<T>() where T : IntegrationEvent =>
            bus.AddConsumer<SearchEventConsumer<T>>().Endpoint(e =>
            {
                e.Name = Endpoint;
                e.ConcurrentMessageLimit = 1;
            });
        Follow<ProjectSubmitted>();
        Follow<ScriptGenerated>();
        Follow<VideoRendered>();
        Follow<ProjectDeleted>();
    }
}
