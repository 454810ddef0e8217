using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace ContentMachine.ServiceDefaults.Tests;

/// <summary>Every HttpClient from the factory finds services by name and survives transient failures.</summary>
public class HttpClientTests
{
    private static HttpClient ClientOf(TestApp app, string name = "") =>
        app.App.Services.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    [Fact]
    public async Task A_service_name_resolves_to_its_replicas_in_turn()
    {
        await using var first = await TestBackend.StartAsync(a => a.MapGet("/who", () => "first"));
        await using var second = await TestBackend.StartAsync(a => a.MapGet("/who", () => "second"));
        await using var app = await TestApp.StartAsync(new()
        {
            ["services:catalog:http:0"] = first.Url.AbsoluteUri,
            ["services:catalog:http:1"] = second.Url.AbsoluteUri,
        });
        var client = ClientOf(app);

        var answers = new List<string>();
        for (var i = 0; i < 4; i++) answers.Add(await client.GetStringAsync("http://catalog/who"));

        answers.Should().Equal("first", "second", "first", "second");
        (await client.GetStringAsync(new Uri(first.Url, "/who"))).Should().Be("first", "a literal address passes through");
    }

    [Fact]
    public async Task A_transient_failure_of_a_get_is_retried()
    {
        var attempts = 0;
        await using var flaky = await TestBackend.StartAsync(a => a.MapGet("/data", () =>
            Interlocked.Increment(ref attempts) < 3 ? Results.StatusCode(503) : Results.Text("finally")));
        await using var app = await TestApp.StartAsync(new() { ["services:flaky:http:0"] = flaky.Url.AbsoluteUri });

        var answer = await ClientOf(app).GetStringAsync("http://flaky/data");

        answer.Should().Be("finally");
        attempts.Should().Be(3);
    }

    [Fact]
    public async Task A_post_that_reached_the_server_is_not_retried()
    {
        var attempts = 0;
        await using var failing = await TestBackend.StartAsync(a => a.MapPost("/orders", () =>
        {
            Interlocked.Increment(ref attempts);
            return Results.StatusCode(503);
        }));
        await using var app = await TestApp.StartAsync(new() { ["services:orders:http:0"] = failing.Url.AbsoluteUri });

        var response = await ClientOf(app).PostAsJsonAsync("http://orders/orders", new { item = 1 });

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        attempts.Should().Be(1, "a POST may have had its effect; sending it again could duplicate it");
    }

    [Fact]
    public async Task A_post_whose_connection_was_refused_goes_to_the_next_replica()
    {
        await using var alive = await TestBackend.StartAsync(a => a.MapPost("/orders", () => Results.Created("/orders/1", null)));
        await using var app = await TestApp.StartAsync(new()
        {
            ["services:orders:http:0"] = $"http://127.0.0.1:{AppHost.Hosting.PortAllocator.FreePort()}",
            ["services:orders:http:1"] = alive.Url.AbsoluteUri,
        });

        var response = await ClientOf(app).PostAsJsonAsync("http://orders/orders", new { item = 1 });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit()
    {
        var attempts = 0;
        await using var down = await TestBackend.StartAsync(a => a.MapGet("/x", () =>
        {
            Interlocked.Increment(ref attempts);
            return Results.StatusCode(500);
        }));
        await using var app = await TestApp.StartAsync(new()
        {
            ["services:down:http:0"] = down.Url.AbsoluteUri,
            ["Http:Resilience:MaxRetryAttempts"] = "1",
            ["Http:Resilience:RetryBaseDelay"] = "00:00:00.010",
            ["Http:Resilience:BreakerMinimumThroughput"] = "4",
            ["Http:Resilience:BreakerBreakDuration"] = "00:00:30",
        });
        var client = ClientOf(app, "breaker-test");

        for (var i = 0; i < 2; i++) (await client.GetAsync("http://down/x")).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var attemptsBeforeOpen = attempts;
        var open = async () => await client.GetAsync("http://down/x");

        await open.Should().ThrowAsync<BrokenCircuitException>();
        attempts.Should().Be(attemptsBeforeOpen, "an open circuit fails fast without calling the server");
    }
}
