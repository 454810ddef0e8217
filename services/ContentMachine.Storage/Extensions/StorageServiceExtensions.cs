using ContentMachine.ServiceDefaults.Data;
using ContentMachine.ServiceDefaults.Messaging;
using ContentMachine.ServiceDefaults.ObjectStorage;
using ContentMachine.Storage.Apis;
using ContentMachine.Storage.IntegrationEvents;
using ContentMachine.Storage.Lifecycle;
using ContentMachine.Storage.Options;
using FluentValidation;
using Quartz;

namespace ContentMachine.Storage.Extensions;

public static class StorageServiceExtensions
{
    public static IHostApplicationBuilder AddStorageServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<StorageDbContext>("storagedb");
        builder.AddS3Client("objects");
        builder.AddMessaging(bus => bus.AddConsumer<ProjectDeletedConsumer>().Endpoint(e => e.Name = ProjectDeletedConsumer.Endpoint));

        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<LifecycleOptions>().BindConfiguration(LifecycleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ObjectStore>();
        builder.Services.AddSingleton<IValidator<PresignRequest>, PresignRequestValidator>();

        var lifecycle = builder.Configuration.GetSection(LifecycleOptions.Section).Get<LifecycleOptions>() ?? new LifecycleOptions();
        builder.Services.AddQuartz(quartz => quartz.ScheduleJob<ExpiredArtifactsJob>(trigger => trigger
            .WithIdentity("expired-artifacts")
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(lifecycle.Interval).RepeatForever())));
        builder.Services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        return builder;
    }
}
