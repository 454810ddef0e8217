using System.Net.Http.Json;

namespace ContentMachine.Gateway.Tests;

/// <summary>The token bucket per key and scope class, in Redis: a burst beyond the budget gets 429 with Retry-After,
/// every answer says what is left, and two gateways draw from one budget.</summary>
[Collection(RedisCollection.Name)]
public sealed class RateLimitTests(RedisFixture redis) : IAsyncLifetime
{
    private readonly string _key = TestKeys.NewKey();
    private readonly List<GatewayFactory> _gateways = [];
    private FakeServices _services = null!;

    public async Task InitializeAsync() => _services = await FakeServices.StartAsync(pipelineReplicas: 1);

    public async Task DisposeAsync()
    {
        foreach (var gateway in _gateways) await gateway.DisposeAsync();
        await _services.DisposeAsync();
    }

    /// <summary>A gateway whose read budget is <paramref name="burst"/> requests and then almost nothing (one a minute).</summary>
    private HttpClient Gateway(int burst)
    {
        var gateway = new GatewayFactory(TestKeys.Configuration(_services, redis.ConnectionString, _key,
            ("Gateway:RateLimits:Read:Burst", burst.ToString()), ("Gateway:RateLimits:Read:PermitsPerSecond", "0.0166")));
        _gateways.Add(gateway);
        return gateway.CreateKestrelClient(_key);
    }

    [Fact]
    public async Task A_burst_beyond_the_budget_gets_429_with_retry_after_and_every_answer_carries_the_headers()
    {
        using var client = Gateway(burst: 5);

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) responses.Add(await client.GetAsync("/api/projects"));

        responses.Take(5).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        responses.Take(5).Select(r => Header(r, "RateLimit-Remaining")).Should().Equal("4", "3", "2", "1", "0");
        responses.Should().OnlyContain(r => Header(r, "RateLimit-Limit") == "5" && int.Parse(Header(r, "RateLimit-Reset")) > 0);
        var refused = responses[5];
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 61);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("'read'");
        (await client.PostAsJsonAsync("/api/projects", new { topic = "x" })).StatusCode.Should().Be(HttpStatusCode.OK, "writes have a budget of their own");
    }

    [Fact]
    public async Task Two_gateways_on_the_same_redis_share_one_budget()
    {
        using var first = Gateway(burst: 10);
        using var second = Gateway(burst: 10);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await first.GetAsync("/api/search?q=a")).StatusCode);
        var secondResponses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) secondResponses.Add(await second.GetAsync("/api/search?q=a"));

        statuses.Should().OnlyContain(s => s == HttpStatusCode.OK);
        secondResponses.Select(r => r.StatusCode).Should().Equal(
            HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);
        Header(secondResponses[0], "RateLimit-Remaining").Should().Be("3", "the second gateway continues from what the first one left");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : "";
}
