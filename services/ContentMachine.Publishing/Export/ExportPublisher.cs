using ContentMachine.ServiceDefaults.Clients;
using System.Diagnostics;
using ContentMachine.Publishing.Options;
using ContentMachine.Publishing.Platforms;
using ContentMachine.ServiceDefaults.Telemetry;

namespace ContentMachine.Publishing.Export;

/// <summary>Builds a publication's export package into a local file (objects streamed from Storage straight into the
/// ZIP), stores it as exports/{projectId}/{platform}.zip and answers with its key and its download path.</summary>
public sealed class ExportPublisher(
    StorageClient storage, IOptions<YouTubeOptions> youTube, ServiceTelemetry telemetry, TimeProvider clock, ILogger<ExportPublisher> logger)
{
    public static string KeyOf(Guid projectId, string platform) => $"exports/{projectId}/{platform}.zip";

    public static string DownloadPath(Guid publicationId) => $"/api/publishing/publications/{publicationId}/package";

    public async Task<(string Key, string Url)> ExportAsync(Publication publication, string folder, CancellationToken ct)
    {
        using var activity = telemetry.Source.StartActivity("publishing.export");
        activity?.SetTag("project.id", publication.ProjectId.ToString());
        activity?.SetTag("publishing.platform", publication.PlatformName);
        var started = Stopwatch.GetTimestamp();
        var path = Path.Combine(folder, "package.zip");
        var o = youTube.Value;
        IReadOnlyList<string> files;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 256 * 1024, useAsync: true))
            files = await ExportPackageWriter.WriteAsync(file, publication.ProjectId, publication.Platform, publication.Content,
                new YouTubeDefaults(o.CategoryId, o.PrivacyStatus, o.MadeForKids), clock.GetUtcNow(), OpenAsync, ct);
        var built = Stopwatch.GetElapsedTime(started);
        var size = new FileInfo(path).Length;

        var key = KeyOf(publication.ProjectId, publication.PlatformName);
        await storage.UploadAsync(key, path, "application/zip", ct);
        activity?.SetTag("export.bytes", size);
        logger.LogInformation("Export package {ExportKey} built in {BuildMs} ms ({Bytes} bytes, files {Files}) and stored in {TotalMs} ms",
            key, (long)built.TotalMilliseconds, size, string.Join(",", files), (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return (key, DownloadPath(publication.Id));
    }

    private async Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        var response = await storage.OpenAsync(key, ct);
        return response is null ? null : new ResponseStream(response, await response.Content.ReadAsStreamAsync(ct));
    }

    /// <summary>The body of a response, disposing the response with it.</summary>
    private sealed class ResponseStream(HttpResponseMessage response, Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => inner.ReadAsync(buffer, ct);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => inner.ReadAsync(buffer, offset, count, ct);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
