using ContentMachine.Publishing.Export;
using ContentMachine.Publishing.Options;
using ContentMachine.Publishing.YouTube;
using ContentMachine.ServiceDefaults.Messaging;
using ContentMachine.ServiceDefaults.Telemetry;

namespace ContentMachine.Publishing.Runner;

/// <summary>One try at a claimed publication. The attempt is saved before anything is sent anywhere; the outcome and its
/// event (VideoPublished, PublishFailed) are saved together through the outbox. Transient failures are tried again
/// later, up to the automatic budget, then the publication fails with a retryable PublishFailed.</summary>
public sealed class PublicationWorker(
    PublishingDbContext db, ExportPublisher exporter, YouTubePublisher youTube, IOptions<PublishingOptions> options,
    ServiceTelemetry telemetry, TimeProvider clock, ILogger<PublicationWorker> logger)
{
    public async Task WorkAsync(Guid id, string worker, CancellationToken ct)
    {
        var publication = await db.Publications.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (publication is null || publication.LeaseOwner != worker) return;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PublicationId"] = id, ["ProjectId"] = publication.ProjectId });
        using var activity = telemetry.Source.StartActivity("publishing.publish");
        activity?.SetTag("project.id", publication.ProjectId.ToString());
        activity?.SetTag("publishing.platform", publication.PlatformName);

        publication.Begin(worker, clock.GetUtcNow(), options.Value.LeaseDuration);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Publishing project {ProjectId} to {Platform} (attempt {Attempt}, {Mode})",
            publication.ProjectId, publication.PlatformName, publication.CurrentAttempt!.Number, publication.Mode);

        var folder = Path.Combine(options.Value.WorkDirectory, $"{id:N}-{publication.CurrentAttempt.Number}");
        Directory.CreateDirectory(folder);
        try
        {
            await PublishAsync(publication, folder, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            logger.LogInformation("Publishing project {ProjectId} to {Platform} stopped by shutdown; it continues after the lease expires",
                publication.ProjectId, publication.PlatformName);
            return;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            await FailAsync(publication, ex);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private async Task PublishAsync(Publication publication, string folder, CancellationToken ct)
    {
        if (publication.Mode == PublishMode.Export || await youTube.ShouldExportInsteadAsync(ct))
        {
            var (key, url) = await exporter.ExportAsync(publication, folder, ct);
            db.AddIntegrationEvent(publication.Export(key, url, clock.GetUtcNow()));
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogInformation("Project {ProjectId} exported for {Platform}: {ExportKey}", publication.ProjectId, publication.PlatformName, key);
            return;
        }
        var outcome = await youTube.PublishAsync(publication, db, folder, ct);
        if (outcome.WaitUntil is { } until)
        {
            publication.WaitForQuota(until, outcome.Reason!, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogInformation("Project {ProjectId} waits for the YouTube quota until {Until}: {Reason}", publication.ProjectId, until, outcome.Reason);
            return;
        }
        db.AddIntegrationEvent(publication.Publish(outcome.Url!, outcome.VideoId!, clock.GetUtcNow()));
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Project {ProjectId} published to YouTube as {VideoId}", publication.ProjectId, outcome.VideoId);
    }

    private async Task FailAsync(Publication publication, Exception ex)
    {
        var (retryable, automatic) = ex is PublishException p ? (p.Retryable, p.Automatic) : (true, true);
        var now = clock.GetUtcNow();
        if (automatic && publication.FailedTries + 1 < options.Value.MaxAutomaticTries)
        {
            var at = now + options.Value.RetryBaseDelay * Math.Pow(2, publication.FailedTries);
            publication.RetryLater(ex.Message, at, now);
            logger.LogWarning("Publishing project {ProjectId} to {Platform} failed (try {Try} of {MaxTries}): {Reason}; trying again at {At}",
                publication.ProjectId, publication.PlatformName, publication.FailedTries, options.Value.MaxAutomaticTries, ex.Message, at);
        }
        else
        {
            db.AddIntegrationEvent(publication.Fail(ex.Message, retryable, now));
            logger.LogError("Publishing project {ProjectId} to {Platform} failed: {Reason} (retryable: {Retryable})",
                publication.ProjectId, publication.PlatformName, ex.Message, retryable);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException ex)
        {
            logger.LogDebug("Could not delete {Folder}: {Reason}", folder, ex.Message);
        }
    }
}
