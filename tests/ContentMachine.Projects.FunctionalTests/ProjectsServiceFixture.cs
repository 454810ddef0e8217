using System.Net.Http.Headers;
using ContentMachine.Contracts;
using ContentMachine.Projects.Infrastructure;
using ContentMachine.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentMachine.Projects.FunctionalTests;

/// <summary>Real PostgreSQL and RabbitMQ from the AppHost, the Projects service in process against them, and a bus of
/// the test's own on the same broker to play the other services' part.</summary>
public sealed class ProjectsServiceFixture() : BackingServersFixture("postgres", "rabbitmq")
{
    private readonly string _observerQueue = $"projects-tests-observer-{Guid.NewGuid():N}";
    private WebApplicationFactory<Program> _service = null!;
    private IBusControl _bus = null!;

    public EventObserver Observer { get; } = new();

    /// <summary>What the service logged, to check failures are reported with their ids.</summary>
    public CapturedLogs Logs { get; } = new();
    public WebApplicationFactory<Program> Service => _service;
    public HttpClient Client { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _service = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:projectsdb", Stack.ConnectionString("projectsdb"));
            b.UseSetting("ConnectionStrings:messaging", Stack.ConnectionString("messaging"));
            b.UseSetting("Messaging:Outbox:PollInterval", "00:00:00.200");
            b.UseSetting("Messaging:Outbox:SweepInterval", "00:00:01");
            b.ConfigureLogging(logging => logging.AddProvider(Logs));
        });
        Client = _service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
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
                e.Durable = true;
                e.AutoDelete = false;
                e.ConcurrentMessageLimit = 1; // in arrival order, so the order of a project's events shows
                e.Consumer(() => new EventObserver.Consumer<ProjectSubmitted>(Observer));
                e.Consumer(() => new EventObserver.Consumer<ProjectCancellationRequested>(Observer));
                e.Consumer(() => new EventObserver.Consumer<PublishRequested>(Observer));
                e.Consumer(() => new EventObserver.Consumer<ProjectDeleted>(Observer));
            });
        });
        await _bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
    }

    /// <summary>Receives what lands in a queue (an _error queue, say) without binding it to any exchange.</summary>
    public async Task ConnectQueueAsync<T>(string queue, Func<ConsumeContext<T>, Task> handle) where T : class
    {
        var endpoint = _bus.ConnectReceiveEndpoint(queue, e =>
        {
            e.ConfigureConsumeTopology = false;
            e.Handler<T>(context => handle(context));
        });
        await endpoint.Ready;
    }

    /// <summary>Publishes an event as the Pipeline or Publishing service would.</summary>
    public Task PublishAsync<T>(T message) where T : IntegrationEvent =>
        _bus.Publish(message, context => context.MessageId = message.EventId);

    public async Task<T> QueryAsync<T>(Func<ProjectsDbContext, Task<T>> query)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProjectsDbContext>());
    }

    /// <summary>Runs a wait; when it times out, the failure carries what the service warned about meanwhile, so a CI
    /// log shows why (the broker never came back, the relay was backing off, ...).</summary>
    public async Task WithServiceLogsOnTimeoutAsync(Func<Task> wait)
    {
        var from = Logs.Entries.Count;
        try
        {
            await wait();
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            var warnings = Logs.Entries.Skip(from).Where(e => e.Level >= LogLevel.Warning).TakeLast(40)
                .Select(e => $"{e.Level} {e.Category}: {e.Message}");
            throw new TimeoutException($"{ex.Message} The service logged meanwhile:\n{string.Join('\n', warnings)}", ex);
        }
    }

    public Task<int> CountProjectsAsync() => QueryAsync(db => db.Projects.CountAsync());

    /// <summary>Until the relay has marked every publishable outbox row sent (after which nothing is published again).</summary>
    public async Task WaitUntilOutboxEmptyAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (await QueryAsync(db => db.Set<ServiceDefaults.Messaging.Outbox.OutboxMessage>()
                   .AnyAsync(m => m.SentAt == null && m.DeadLetteredAt == null, cts.Token)))
            await Task.Delay(100, cts.Token);
    }

    /// <summary>The project as the API shows it, once it satisfies <paramref name="condition"/>: re-read at every event
    /// of its live stream (the change feed is the signal).</summary>
    public async Task<JsonElement> WaitForProjectAsync(Guid id, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{id}/events");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
            while (await reader.ReadLineAsync(cts.Token) is { } line)
            {
                if (!line.StartsWith("event:")) continue;
                var project = await Client.GetFromJsonAsync<JsonElement>($"/api/projects/{id}", cts.Token);
                if (condition(project)) return project;
            }
            var last = await Client.GetFromJsonAsync<JsonElement>($"/api/projects/{id}", cts.Token);
            if (condition(last)) return last;
            await Task.Delay(100, cts.Token); // the stream closed on a terminal status: only a new command changes it
        }
    }

    public override async Task DisposeAsync()
    {
        try
        {
            Client?.Dispose();
            if (_bus is not null) await _bus.StopAsync();
            if (_service is not null) await _service.DisposeAsync();
        }
        finally
        {
            await base.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProjectsCollection : ICollectionFixture<ProjectsServiceFixture>
{
    public const string Name = "projects service";
}
