using System.Net;
using ContentMachine.Publishing.Options;
using ContentMachine.Publishing.Runner;
using ContentMachine.ServiceDefaults.Telemetry;
using Google;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;
using Google.Apis.Services;
using Google.Apis.Upload;

namespace ContentMachine.Publishing.YouTube;

/// <summary>videos.insert through Google.Apis' ResumableUpload: the session URI is handed to the sink (which saves it)
/// before the first byte; chunk failures (dropped connections, 5xx) are retried by the library and then by resuming the
/// same session with backoff; a saved session is resumed, never restarted, so a crash never uploads twice.</summary>
public sealed class YouTubeUploader(IOptions<YouTubeOptions> options, ServiceTelemetry telemetry, TimeProvider clock, ILogger<YouTubeUploader> logger)
{
    public async Task<UploadResult> UploadAsync(UploadRequest request, IConfigurableHttpClientInitializer credential, IUploadStateSink sink, CancellationToken ct)
    {
        var o = options.Value;
        using var activity = telemetry.Source.StartActivity("publishing.upload");
        activity?.SetTag("project.id", request.ProjectId.ToString());
        activity?.SetTag("publishing.platform", "youtube");
        activity?.SetTag("upload.resumed", request.SavedSession is not null);

        using var service = new YouTubeUploadService(new BaseClientService.Initializer
        {
            HttpClientInitializer = credential,
            ApplicationName = o.ApplicationName,
            BaseUri = o.UploadBaseUri,
            HttpClientTimeout = o.RequestTimeout,
        });
        service.HttpClient.MessageHandler.NumTries = o.RequestTries;
        await using var file = new FileStream(request.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1024 * 1024, useAsync: true);
        var upload = new VideoInsertUpload(service, request.SavedSession is null ? request.Resource : null, file) { ChunkSize = o.ChunkSizeBytes };
        upload.UploadSessionData += session => sink.SessionStarted(session.UploadUri, file.Length);
        upload.ProgressChanged += progress =>
        {
            if (progress.Status == UploadStatus.Uploading) sink.Progressed(progress.BytesSent);
        };

        var started = clock.GetTimestamp();
        var result = request.SavedSession is { } saved ? await upload.ResumeAsync(saved, ct) : await upload.UploadAsync(ct);
        var resumes = 0;
        while (result.Status == UploadStatus.Failed && resumes < o.ResumeTries && IsTransient(result.Exception) && !ct.IsCancellationRequested)
        {
            resumes++;
            var delay = o.ResumeBaseDelay * Math.Pow(2, resumes - 1);
            logger.LogWarning("Upload of project {ProjectId} interrupted at {BytesSent} bytes ({Reason}); resuming the same session in {Delay} (resume {Resume} of {MaxResumes})",
                request.ProjectId, result.BytesSent, result.Exception?.Message, delay, resumes, o.ResumeTries);
            await Task.Delay(delay, clock, ct);
            result = await upload.ResumeAsync(ct);
        }

        // Stopping (shutdown) is not a failure of the upload: the saved session resumes on the next claim.
        ct.ThrowIfCancellationRequested();
        if (result.Status == UploadStatus.Completed && upload.ResponseBody?.Id is { Length: > 0 } id)
        {
            activity?.SetTag("youtube.video_id", id);
            return new UploadResult(id, upload.ResponseBody, file.Length, clock.GetElapsedTime(started), resumes);
        }
        activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.Exception?.Message);
        throw Classify(result.Exception, request.SavedSession is not null);
    }

    private static Exception Classify(Exception? error, bool resumed) => error switch
    {
        GoogleApiException { HttpStatusCode: HttpStatusCode.Forbidden } g when IsQuota(g) =>
            new YouTubeQuotaExceededException($"YouTube's daily quota is used up ({Reasons(g)})."),
        GoogleApiException { HttpStatusCode: HttpStatusCode.NotFound or HttpStatusCode.Gone } when resumed =>
            new UploadSessionExpiredException("The saved upload session expired; a new one will be started."),
        TokenResponseException t =>
            new PublishException($"YouTube refused the channel's authorization ({t.Error?.Error}): connect the channel again.", retryable: true, t),
        GoogleApiException { HttpStatusCode: HttpStatusCode.Unauthorized } g =>
            new PublishException($"YouTube refused the channel's authorization (401): connect the channel again. {g.Error?.Message}", retryable: true, g),
        GoogleApiException { HttpStatusCode: HttpStatusCode.BadRequest or HttpStatusCode.Forbidden } g =>
            new PublishException($"YouTube refused the video ({(int)g.HttpStatusCode} {Reasons(g)}): {g.Error?.Message ?? g.Message}", retryable: false, g),
        null => new PublishException("The upload ended without a video id.", retryable: true),
        _ => new PublishException($"The upload failed: {error.Message}", retryable: true, error),
    };

    private static bool IsTransient(Exception? error) => error switch
    {
        GoogleApiException g => (int)g.HttpStatusCode >= 500 || g.HttpStatusCode == HttpStatusCode.TooManyRequests,
        TokenResponseException => false,
        HttpRequestException or IOException or TaskCanceledException => true,
        _ => false,
    };

    private static bool IsQuota(GoogleApiException g) =>
        g.Error?.Errors?.Any(e => e.Reason is "quotaExceeded" or "uploadLimitExceeded" or "dailyLimitExceeded") == true
        || g.Message.Contains("quotaExceeded", StringComparison.Ordinal);

    private static string Reasons(GoogleApiException g) =>
        string.Join(", ", g.Error?.Errors?.Select(e => e.Reason).Where(r => r is not null) ?? []) is { Length: > 0 } r ? r : g.HttpStatusCode.ToString();
}
