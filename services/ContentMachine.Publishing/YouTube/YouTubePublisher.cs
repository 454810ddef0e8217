using ContentMachine.ServiceDefaults.Clients;
using ContentMachine.Publishing.Auth;
using ContentMachine.Publishing.Options;
using ContentMachine.Publishing.Platforms;
using ContentMachine.Publishing.Quota;
using ContentMachine.Publishing.Runner;

namespace ContentMachine.Publishing.YouTube;

/// <summary>A YouTube publication: connected channel, Shorts rules, quota, then the resumable upload, whose session and
/// progress are saved on the publication as they happen.</summary>
public sealed class YouTubePublisher(
    YouTubeAuthorization authorization, YouTubeUploader uploader, QuotaLedger quota, StorageClient storage, VideoProbe probe,
    IOptions<YouTubeOptions> options, IOptions<PublishingOptions> publishing, TimeProvider clock, ILogger<YouTubePublisher> logger)
{
    public const string NotConnected =
        "YouTube is not connected: connect a channel (POST /api/publishing/youtube/connect) or configure Publishing:YouTube:RefreshToken, then retry.";

    /// <summary>No channel is connected and the configuration says to export a package instead of failing.</summary>
    public async Task<bool> ShouldExportInsteadAsync(CancellationToken ct) =>
        options.Value.ExportWhenNotConnected && await authorization.CredentialAsync(ct) is null;

    public async Task<YouTubeOutcome> PublishAsync(Publication publication, PublishingDbContext db, string folder, CancellationToken ct)
    {
        var credential = await authorization.CredentialAsync(ct)
            ?? throw new PublishException(NotConnected, retryable: true, automatic: false);

        var path = Path.Combine(folder, "video.mp4");
        if (!await storage.DownloadAsync(publication.VideoKey, path, ct))
            throw new PublishException($"The video {publication.VideoKey} is not in storage: render the project first.", retryable: false);
        if (ShortsRules.Check(await probe.ProbeAsync(path, ct)) is { } notAShort)
            throw new PublishException(notAShort, retryable: false);

        var saved = publication.UploadSessionUri is { } uri ? new Uri(uri) : null;
        if (saved is null && await quota.TryReserveUploadAsync() is { } nextWindow)
            return YouTubeOutcome.Wait(nextWindow, $"the daily YouTube quota ({options.Value.Quota.UploadsPerDay} uploads, {options.Value.Quota.UnitsPerDay} units) is used up");

        var o = options.Value;
        var metadata = YouTubeMetadataAdapter.Adapt(publication.Content, new YouTubeDefaults(o.CategoryId, o.PrivacyStatus, o.MadeForKids), clock.GetUtcNow());
        var sink = new PublicationUploadSink(db, publication, clock, publishing.Value.LeaseDuration);
        try
        {
            var result = await uploader.UploadAsync(new UploadRequest(publication.ProjectId, path, VideoStatus.From(metadata), saved), credential, sink, ct);
            logger.LogInformation("Uploaded {Bytes} bytes of project {ProjectId} in {ElapsedMs} ms ({MiBps:0.0} MiB/s, {Resumes} resumes)",
                result.Bytes, publication.ProjectId, (long)result.Elapsed.TotalMilliseconds, result.Bytes / 1048576.0 / Math.Max(result.Elapsed.TotalSeconds, 0.001), result.Resumes);
            return YouTubeOutcome.Published(result.VideoId);
        }
        catch (YouTubeQuotaExceededException ex)
        {
            return YouTubeOutcome.Wait(await quota.MarkExhaustedAsync(), ex.Message);
        }
        catch (UploadSessionExpiredException ex)
        {
            publication.ForgetSession();
            throw new PublishException(ex.Message, retryable: true, ex);
        }
    }
}

public sealed record YouTubeOutcome(string? VideoId, string? Url, DateTimeOffset? WaitUntil, string? Reason)
{
    public static YouTubeOutcome Published(string videoId) => new(videoId, $"https://www.youtube.com/shorts/{videoId}", null, null);
    public static YouTubeOutcome Wait(DateTimeOffset until, string reason) => new(null, null, until, reason);
}
