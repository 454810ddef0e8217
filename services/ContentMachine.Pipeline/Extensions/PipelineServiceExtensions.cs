using ContentMachine.Pipeline.IntegrationEvents;
using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging;

namespace ContentMachine.Pipeline.Extensions;

public static class PipelineServiceExtensions
{
    public static IHostApplicationBuilder AddPipelineServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<PipelineDbContext>("pipelinedb");
        builder.AddTransactionalOutbox<PipelineDbContext>();
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<ProjectSubmittedConsumer>().Endpoint(e => e.Name = ProjectSubmittedConsumer.Endpoint);
            bus.AddConsumer<ProjectCancellationRequestedConsumer>().Endpoint(e => e.Name = ProjectSubmittedConsumer.Endpoint);
        });
        return builder;
    }
}
