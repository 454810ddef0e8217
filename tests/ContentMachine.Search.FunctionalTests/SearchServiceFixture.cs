using ContentMachine.Search.Infrastructure;
using ContentMachine.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentMachine.Search.FunctionalTests;

/// <summary>Real PostgreSQL, Redis and RabbitMQ from the AppHost, the Search service in process against them (with its
/// default embedded index and hashing embedder), and a bus of the test's own to publish as the other services do.</summary>
public sealed class SearchServiceFixture() : BackingServersFixture("postgres", "redis", "rabbitmq")
{
    private IBusControl _bus = null!;

    public WebApplicationFactory<Program> Service { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public CapturedLogs Logs { get; } = new();

    /// <summary>The spans the service ended (the service's own source included).</summary>
    public ActivityCollector Spans { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Service = CreateService();
        Client = Service.CreateClient();
        await WaitUntilHealthyAsync(Client);
        var settings = RabbitMqSettings.Parse(Stack.ConnectionString("messaging"));
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(settings.Host, settings.Port, settings.VirtualHost, h =>
        {
            h.Username(settings.UserName);
            h.Password(settings.Password);
        }));
        await _bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
    }

    /// <summary>A Search service on the fixture's servers (a second one shows what a restart loads).</summary>
    public WebApplicationFactory<Program> CreateService(Action<IWebHostBuilder>? configure = null) => new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
    {
        configure?.Invoke(b);
        b.UseSetting("ConnectionStrings:searchdb", Stack.ConnectionString("searchdb"));
        b.UseSetting("ConnectionStrings:redis", Stack.ConnectionString("redis"));
        b.UseSetting("ConnectionStrings:messaging", Stack.ConnectionString("messaging"));
        b.ConfigureLogging(logging => logging.AddProvider(Logs));
        b.ConfigureServices(services => services.AddSingleton<OpenTelemetry.BaseProcessor<System.Diagnostics.Activity>>(Spans));
    });

    /// <summary>Events published before the service's bus has bound its queue would be lost: the tests start once /health
    /// (which includes the bus's endpoints) says ready.</summary>
    /// <returns>The healthy report.</returns>
    public static async Task<string> WaitUntilHealthyAsync(HttpClient client)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string last = "";
        while (!cts.IsCancellationRequested)
        {
            using var response = await client.GetAsync("/health", CancellationToken.None);
            last = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode) return last;
            await Task.Delay(200, CancellationToken.None);
        }
        throw new TimeoutException($"The Search service did not become healthy: {last}");
    }

    /// <summary>Publishes an event as the Projects or Pipeline service would.</summary>
    public Task PublishAsync<T>(T message) where T : IntegrationEvent =>
        _bus.Publish(message, context => context.MessageId = message.EventId);

    public async Task<T> QueryAsync<T>(Func<SearchDbContext, Task<T>> query)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SearchDbContext>());
    }

    /// <summary>GET /api/search until the response satisfies the condition (events are applied asynchronously).</summary>
    public async Task<JsonElement> SearchUntilAsync(string query, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        JsonElement last = default;
        while (!cts.IsCancellationRequested)
        {
            var response = await Client.GetAsync("/api/search?" + query, CancellationToken.None);
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            last = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (condition(last)) return last;
            await Task.Delay(100, CancellationToken.None);
        }
        var warnings = Logs.Entries.Where(l => l.Level >= LogLevel.Warning).TakeLast(15)
            .Select(l => $"{l.Level} {l.Category}: {l.Message}" + (l.Exception is { } e ? $" [{e.GetType().Name}: {e.GetBaseException().Message}]" : ""));
        throw new TimeoutException($"GET /api/search?{query} never satisfied the condition; last answer: {last}" +
            $"{Environment.NewLine}The service's last warnings:{Environment.NewLine}{string.Join(Environment.NewLine, warnings)}");
    }

    public override async Task DisposeAsync()
    {
        try
        {
            Client?.Dispose();
            if (_bus is not null) await _bus.StopAsync();
            if (Service is not null) await Service.DisposeAsync();
        }
        finally
        {
            await base.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SearchCollection : ICollectionFixture<SearchServiceFixture>
{
    public const string Name = "search service";
}
