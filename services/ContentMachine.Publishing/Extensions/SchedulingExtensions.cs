using ContentMachine.Publishing.Scheduling;
using ContentMachine.ServiceDefaults.Configuration;
using Quartz;

namespace ContentMachine.Publishing.Extensions;

public static class SchedulingExtensions
{
    /// <summary>Quartz with its persistent store (AdoJobStore) in publishingdb: a scheduled publication's job survives a
    /// restart; clustered, so with several replicas one fires it. Quartz creates its own tables (qrtz_*) when missing.</summary>
    public static IHostApplicationBuilder AddPublicationScheduling(this IHostApplicationBuilder builder)
    {
        var connectionString = ConnectionStrings.Require(builder.Configuration, "publishingdb");
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "publishing";
                s.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                store.ProvisionSchema();
            });
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddScoped<PublishAtJob>();
        builder.Services.AddSingleton<PublicationScheduler>();
        return builder;
    }
}
