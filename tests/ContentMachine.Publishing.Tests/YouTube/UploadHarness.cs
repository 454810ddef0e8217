using System.Collections.Concurrent;
using System.Security.Cryptography;
using ContentMachine.Publishing.Options;
using ContentMachine.Publishing.Tests.Fakes;
using ContentMachine.Publishing.YouTube;
using ContentMachine.ServiceDefaults.Configuration;
using ContentMachine.ServiceDefaults.Telemetry;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContentMachine.Publishing.Tests.YouTube;

/// <summary>An uploader pointed at the fake, a credential that refreshes at the fake's token endpoint, a file of random
/// bytes, and a sink that records what would be saved (and can stop the upload, as a crash would).</summary>
public sealed class UploadHarness : IAsyncDisposable
{
    private UploadHarness(FakeYouTubeServer server, string file) => (Server, File) = (server, file);

    public FakeYouTubeServer Server { get; }
    public string File { get; }
    public RecordingSink Sink { get; } = new();

    public static async Task<UploadHarness> StartAsync(int bytes = 5 * 1024 * 1024 + 12345)
    {
        var server = await FakeYouTubeServer.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"upload-{Guid.NewGuid():N}.bin");
        await System.IO.File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(bytes));
        return new UploadHarness(server, file);
    }

    public YouTubeUploader Uploader(int chunkSize = 256 * 1024, int resumeTries = 5) => new(Microsoft.Extensions.Options.Options.Create(new YouTubeOptions
    {
        UploadBaseUri = Server.UploadBaseUri,
        TokenUri = Server.TokenUri,
        ClientId = "client-1",
        ClientSecret = "secret-1",
        ChunkSizeBytes = chunkSize,
        ResumeTries = resumeTries,
        ResumeBaseDelay = TimeSpan.FromMilliseconds(50),
        RequestTimeout = TimeSpan.FromSeconds(20),
    }), new ServiceTelemetry(new ServiceIdentity("publishing", "tests")), TimeProvider.System, NullLogger<YouTubeUploader>.Instance);

    public UserCredential Credential() => new(
        new AuthorizationCodeFlow(new AuthorizationCodeFlow.Initializer(Server.BaseUri + "auth", Server.TokenUri)
        {
            ClientSecrets = new ClientSecrets { ClientId = "client-1", ClientSecret = "secret-1" },
        }), "publishing", new TokenResponse { RefreshToken = "rt-1" });

    public static Video Resource(string title = "Five facts about owls") => VideoStatus.From(YouTubeMetadataAdapter.Adapt(
        new PublicationContent("v", null, title, "Owls hunt at night.", ["owls", "birds"], DateTimeOffset.Parse("2031-01-02T03:04:05Z")),
        new YouTubeDefaults("27"), DateTimeOffset.Parse("2030-01-01T00:00:00Z")));

    public byte[] FileBytes => System.IO.File.ReadAllBytes(File);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        System.IO.File.Delete(File);
    }

    public sealed class RecordingSink : IUploadStateSink
    {
        public Uri? Session { get; private set; }
        public int SessionsStarted;
        public long? BytesWhenSessionSaved;
        public readonly ConcurrentQueue<long> Progress = new();
        public Func<long, bool>? StopWhen;
        public FakeYouTubeServer? Server;

        public void SessionStarted(Uri sessionUri, long totalBytes)
        {
            Session = sessionUri;
            Interlocked.Increment(ref SessionsStarted);
            BytesWhenSessionSaved = Server?.Sessions.Sum(s => s.Received.Length);
        }

        public void Progressed(long bytesSent)
        {
            Progress.Enqueue(bytesSent);
            if (StopWhen?.Invoke(bytesSent) == true) throw new OperationCanceledException("the process died");
        }
    }
}
