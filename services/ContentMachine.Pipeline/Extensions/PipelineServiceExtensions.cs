using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging;
using FluentValidation;

namespace ContentMachine.Pipeline.Extensions;

public static class PipelineServiceExtensions
{
    public static IHostApplicationBuilder AddPipelineServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<PipelineDbContext>("pipelinedb");
        builder.AddMessaging();
        builder.Services.AddSingleton<IValidator<QueueRunRequest>, QueueRunRequestValidator>();
        return builder;
    }
}
