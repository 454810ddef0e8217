using ContentMachine.Publishing.Runner;
using Quartz;

namespace ContentMachine.Publishing.Scheduling;

/// <summary>Fires at a scheduled publication's time (persisted in Quartz's tables, so it survives restarts) and makes it
/// due; the runner does the publishing.</summary>
public sealed class PublishAtJob(PublishingDbContext db, PublicationSignal signal, TimeProvider clock, ILogger<PublishAtJob> logger) : IJob
{
    public const string PublicationIdKey = "publicationId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var id = Guid.Parse(context.MergedJobDataMap.GetString(PublicationIdKey)!);
        var publication = await db.Publications.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (publication is null)
        {
            await CheckAgainLaterAsync(context, id, cancellationToken);
            return;
        }
        if (!publication.MakeDue(clock.GetUtcNow()))
        {
            logger.LogInformation("Scheduled publication {PublicationId} is no longer waiting for its time ({Status})", id, publication?.Status);
            return;
        }
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        logger.LogInformation("Scheduled publication {PublicationId} of project {ProjectId} to {Platform} is due", id, publication.ProjectId, publication.PlatformName);
    }

    /// <summary>The job is stored before the request's transaction commits, so a time already due can fire first: look
    /// again shortly, for a while (a request that never committed leaves nothing behind after that).</summary>
    private async Task CheckAgainLaterAsync(IJobExecutionContext context, Guid id, CancellationToken ct)
    {
        var check = context.Trigger.JobDataMap.TryGetValue(CheckKey, out var value) ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (check >= MaxChecks)
        {
            logger.LogWarning("Scheduled publication {PublicationId} does not exist (its request was not saved); job dropped", id);
            return;
        }
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"{id}-check-{check + 1}", PublicationScheduler.Group)
            .ForJob(context.JobDetail.Key)
            .UsingJobData(CheckKey, check + 1)
            .StartAt(clock.GetUtcNow().AddSeconds(2))
            .Build();
        await context.Scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), ct);
    }

    private const string CheckKey = "check";
    private const int MaxChecks = 30;
}
