using System.Net.Http.Headers;
using ContentMachine.Publishing.Infrastructure;
using ContentMachine.Publishing.Tests.Export;
using ContentMachine.Publishing.Tests.Fakes;
using ContentMachine.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentMachine.Publishing.FunctionalTests;

/// <summary>Real PostgreSQL, Redis, RabbitMQ and the Storage service from the AppHost; the Publishing service in process
/// against them (restartable, as a deployment would restart it), YouTube faked in process, and a bus of the test's own
/// playing the Projects service (publishing PublishRequested, observing VideoPublished and PublishFailed).</summary>
public sealed class PublishingServiceFixture() : BackingServersFixture("storage", "redis")
{
    private readonly string _observerQueue = $"publishing-tests-observer-{Guid.NewGuid():N}";
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("publishing-functional-").FullName;
    private IBusControl _bus = null!;

    public WebApplicationFactory<Program> Service { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public HttpClient Storage { get; private set; } = null!;
    public FakeYouTubeServer YouTube { get; private set; } = null!;
    public EventObserver Observer { get; } = new();
    public CapturedLogs Logs { get; } = new();
    public string SmallVideo { get; private set; } = null!;
    public string LargeVideo { get; private set; } = null!;
    public string Cover { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        YouTube = await FakeYouTubeServer.StartAsync();
        SmallVideo = await MediaSamples.VideoAsync(_workDirectory, 360, 640, 2);
        LargeVideo = await MediaSamples.VideoAsync(_workDirectory, 720, 1280, 3, lossless: true);
        Cover = await MediaSamples.CoverAsync(_workDirectory);
        Storage = new HttpClient { BaseAddress = Stack.ServiceUrl("storage"), Timeout = TimeSpan.FromMinutes(2) };
        StartService();
        var settings = RabbitMqSettings.Parse(Stack.ConnectionString("messaging"));
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(settings.Host, settings.Port, settings.VirtualHost, h =>
            {
                h.Username(settings.UserName);
                h.Password(settings.Password);
            });
            rabbit.ReceiveEndpoint(_observerQueue, e =>
            {
                e.Consumer(() => new EventObserver.Consumer<VideoPublished>(Observer));
                e.Consumer(() => new EventObserver.Consumer<PublishFailed>(Observer));
            });
        });
        await _bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
    }

    private void StartService()
    {
        Service = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:publishingdb", Stack.ConnectionString("publishingdb"));
            b.UseSetting("ConnectionStrings:messaging", Stack.ConnectionString("messaging"));
            b.UseSetting("ConnectionStrings:redis", Stack.ConnectionString("redis"));
            b.UseSetting("services:storage:http:0", Stack.ServiceUrl("storage").AbsoluteUri.TrimEnd('/'));
            b.UseSetting("Messaging:Outbox:PollInterval", "00:00:00.200");
            b.UseSetting("Publishing:PollInterval", "00:00:00.500");
            b.UseSetting("Publishing:LeaseDuration", "00:00:05");
            b.UseSetting("Publishing:RetryBaseDelay", "00:00:01");
            b.UseSetting("Publishing:WorkDirectory", _workDirectory);
            b.UseSetting("Publishing:YouTube:UploadBaseUri", YouTube.UploadBaseUri);
            b.UseSetting("Publishing:YouTube:TokenUri", YouTube.TokenUri);
            b.UseSetting("Publishing:YouTube:AuthorizationUri", YouTube.BaseUri + "auth");
            b.UseSetting("Publishing:YouTube:ClientId", "client-1");
            b.UseSetting("Publishing:YouTube:ClientSecret", "secret-1");
            b.UseSetting("Publishing:YouTube:ChunkSizeBytes", "262144");
            b.UseSetting("Publishing:YouTube:ResumeBaseDelay", "00:00:00.100");
            b.UseSetting("Publishing:YouTube:ScheduledUploadLead", "00:00:00");
            b.UseSetting("Publishing:YouTube:Quota:UploadsPerDay", "1000");
            b.UseSetting("Publishing:YouTube:Quota:UnitsPerDay", "10000000");
            b.ConfigureLogging(logging => logging.AddProvider(Logs));
        });
        Client = Service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    /// <summary>Stops the service (in-flight work is cancelled, as in a restart) and starts a new instance.</summary>
    public async Task RestartAsync(Func<Task>? whileStopped = null)
    {
        Client.Dispose();
        await Service.DisposeAsync();
        if (whileStopped is not null) await whileStopped();
        StartService();
    }

    /// <summary>A project's rendered output as the pipeline stores it: final.mp4, cover.jpg, captions.srt.</summary>
    public async Task<Guid> StoreProjectAsync(string? video = null)
    {
        var projectId = Guid.NewGuid();
        await PutAsync($"projects/{projectId}/outputs/final.mp4", await File.ReadAllBytesAsync(video ?? SmallVideo), "video/mp4");
        await PutAsync($"projects/{projectId}/outputs/cover.jpg", await File.ReadAllBytesAsync(Cover), "image/jpeg");
        await PutAsync($"projects/{projectId}/outputs/captions.srt", System.Text.Encoding.UTF8.GetBytes(MediaSamples.Srt), "application/x-subrip");
        return projectId;
    }

    public static PublishRequested Request(Guid projectId, string title, DateTimeOffset? publishAt = null, params string[] platforms) => new()
    {
        ProjectId = projectId,
        Platforms = platforms,
        PublishAt = publishAt,
        VideoKey = $"projects/{projectId}/outputs/final.mp4",
        CoverKey = $"projects/{projectId}/outputs/cover.jpg",
        Title = title,
        Description = "Owls hunt at night. <Silent> wings.",
        Hashtags = ["owls", "birds", "#nature"],
    };

    public Task PublishAsync<T>(T message) where T : IntegrationEvent =>
        _bus.Publish(message, context => context.MessageId = message.EventId);

    public async Task<T> QueryAsync<T>(Func<PublishingDbContext, Task<T>> query)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PublishingDbContext>());
    }

    /// <summary>Connects the fake channel through the API (authorization code flow), as a user would.</summary>
    public async Task ConnectYouTubeAsync()
    {
        var start = await (await Client.PostAsJsonAsync("/api/publishing/youtube/connect", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var state = start.GetProperty("state").GetString()!;
        var callback = await Client.GetAsync($"/api/publishing/youtube/callback?code={YouTube.AuthorizationCodeGranted}&state={Uri.EscapeDataString(state)}");
        callback.StatusCode.Should().Be(HttpStatusCode.OK, await callback.Content.ReadAsStringAsync());
    }

    /// <summary>The publication once it satisfies the condition (polled through the API).</summary>
    public async Task<JsonElement> WaitForPublicationAsync(Guid projectId, string platform, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        JsonElement? last = null;
        while (!cts.IsCancellationRequested)
        {
            var list = await Client.GetFromJsonAsync<JsonElement>($"/api/publishing/publications?projectId={projectId}", cts.Token);
            last = list.EnumerateArray().FirstOrDefault(p => p.GetProperty("platform").GetString() == platform);
            if (last is { ValueKind: JsonValueKind.Object } found && condition(found)) return found;
            await Task.Delay(200, CancellationToken.None);
        }
        var warnings = Logs.Entries.Where(e => e.Level >= LogLevel.Warning).TakeLast(20).Select(e => $"{e.Level} {e.Category}: {e.Message}");
        throw new TimeoutException($"The {platform} publication of {projectId} is {last}; the service logged:\n{string.Join('\n', warnings)}");
    }

    private async Task PutAsync(string key, byte[] content, string contentType)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await Storage.PutAsync($"/api/storage/objects/{key}", body);
        response.EnsureSuccessStatusCode();
    }

    public override async Task DisposeAsync()
    {
        try
        {
            Client?.Dispose();
            Storage?.Dispose();
            if (_bus is not null) await _bus.StopAsync();
            if (Service is not null) await Service.DisposeAsync();
            if (YouTube is not null) await YouTube.DisposeAsync();
            Directory.Delete(_workDirectory, recursive: true);
        }
        finally
        {
            await base.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PublishingCollection : ICollectionFixture<PublishingServiceFixture>
{
    public const string Name = "publishing service";
}
