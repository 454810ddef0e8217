using ContentMachine.ServiceDefaults.Clients;
using ContentMachine.Pipeline.Clients;
using ContentMachine.Pipeline.IntegrationEvents;
using ContentMachine.Pipeline.Media;
using ContentMachine.Pipeline.Runs;
using ContentMachine.Pipeline.Stages;
using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Http;
using ContentMachine.ServiceDefaults.Messaging;

namespace ContentMachine.Pipeline.Extensions;

public static class PipelineServiceExtensions
{
    public static IHostApplicationBuilder AddPipelineServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<PipelineDbContext>("pipelinedb");
        builder.AddTransactionalOutbox<PipelineDbContext>();
        builder.Services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var pipeline = builder.Configuration.GetSection(PipelineOptions.Section).Get<PipelineOptions>() ?? new PipelineOptions();
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<ProjectSubmittedConsumer>().Endpoint(e => e.Name = ProjectSubmittedConsumer.Endpoint);
            bus.AddConsumer<ProjectCancellationRequestedConsumer>().Endpoint(e => e.Name = ProjectSubmittedConsumer.Endpoint);
            // Work is held (unacknowledged) for as long as a run takes: no more prefetched than worked on, so a message
            // waiting behind a long render stays with the broker for another replica.
            bus.AddConsumer<RunExecutor>().Endpoint(e =>
            {
                e.Name = RunExecutor.Endpoint;
                e.PrefetchCount = pipeline.MaxConcurrentRuns;
                e.ConcurrentMessageLimit = pipeline.MaxConcurrentRuns;
            });
        });

        builder.AddPipelineMedia();
        builder.AddStorageClient();
        builder.Services.AddHttpClient<SearchClient>(http => http.BaseAddress = new Uri($"http://{SearchClient.Name}"));

        builder.Services.AddHostedService<WorkFolderJanitor>();
        builder.Services.AddScoped<DuplicateGuard>();
        // The stages, in the order a run goes through them.
        builder.Services.AddScoped<IPipelineStage, ScriptStage>();
        builder.Services.AddScoped<IPipelineStage, NarrationStage>();
        builder.Services.AddScoped<IPipelineStage, VisualsStage>();
        builder.Services.AddScoped<IPipelineStage, RenderStage>();
        builder.Services.AddScoped<IPipelineStage, CoverStage>();
        builder.Services.AddScoped<IPipelineStage, StoreStage>();
        return builder;
    }
}
