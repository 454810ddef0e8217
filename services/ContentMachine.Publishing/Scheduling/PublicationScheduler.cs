using Quartz;

namespace ContentMachine.Publishing.Scheduling;

/// <summary>Puts a publication's time in Quartz's persistent store: one job per publication (its id is the key), so
/// scheduling it again (a redelivered request) replaces rather than doubles it.</summary>
public sealed class PublicationScheduler(ISchedulerFactory schedulers, IOptions<Options.YouTubeOptions> youTube)
{
    public const string Group = "publications";

    /// <summary>An upload goes out ahead of its time (private, with publishAt: YouTube releases it); a package at its time.</summary>
    public Task ScheduleAsync(Publication publication, CancellationToken ct) => ScheduleAsync(publication.Id,
        publication.Mode == PublishMode.Upload ? publication.PublishAt!.Value - youTube.Value.ScheduledUploadLead : publication.PublishAt!.Value, ct);

    public async Task ScheduleAsync(Guid publicationId, DateTimeOffset fireAt, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<PublishAtJob>()
            .WithIdentity(publicationId.ToString(), Group)
            .UsingJobData(PublishAtJob.PublicationIdKey, publicationId.ToString())
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(publicationId.ToString(), Group)
            .StartAt(fireAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, ct);
    }
}
