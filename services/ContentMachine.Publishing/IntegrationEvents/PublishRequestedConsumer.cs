using ContentMachine.Contracts;
using ContentMachine.Publishing.Options;
using ContentMachine.Publishing.Runner;
using ContentMachine.Publishing.Scheduling;
using ContentMachine.ServiceDefaults.Messaging.Inbox;

namespace ContentMachine.Publishing.IntegrationEvents;

/// <summary>Creates one publication per requested platform (never a second one for the same project and platform: a
/// redelivered or repeated request finds it and changes nothing; a failed one is queued again). Publishing itself happens
/// in the runner, after this transaction commits.</summary>
public sealed class PublishRequestedConsumer(
    PublishingDbContext db, PublicationScheduler scheduler, PublicationSignal signal, IOptions<PublishingOptions> options,
    TimeProvider clock, ILogger<PublishRequestedConsumer> logger)
    : IdempotentConsumer<PublishRequested, PublishingDbContext>(db, clock, logger)
{
    public const string Endpoint = "publishing-requests";

    private readonly List<Publication> _created = [];

    protected override async Task HandleAsync(PublishRequested message, CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        foreach (var name in message.Platforms.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!PlatformNames.TryParse(name, out var platform))
            {
                Logger.LogWarning("PublishRequested {EventId} names an unknown platform {Platform}; skipped", message.EventId, name);
                continue;
            }
            var existing = await Db.Publications.FirstOrDefaultAsync(p => p.ProjectId == message.ProjectId && p.Platform == platform, ct);
            if (existing is not null)
            {
                if (existing.Retry(now)) _created.Add(existing);
                continue;
            }
            var content = new PublicationContent(message.VideoKey, message.CoverKey, message.Title, message.Description, message.Hashtags, message.PublishAt);
            var publication = Publication.Request(message.ProjectId, platform, PlatformNames.ModeOf(platform, options.Value), content, now);
            Db.Publications.Add(publication);
            if (publication.Status == PublicationStatus.Scheduled)
                await scheduler.ScheduleAsync(publication, ct);
            _created.Add(publication);
        }
    }

    protected override void OnCommitted(PublishRequested message)
    {
        foreach (var p in _created)
            Logger.LogInformation("Publication {PublicationId} of project {ProjectId} to {Platform}: {Status}{When}",
                p.Id, p.ProjectId, p.PlatformName, p.Status, p.PublishAt is { } at ? $" for {at:O}" : "");
        if (_created.Count > 0) signal.Notify();
    }
}
