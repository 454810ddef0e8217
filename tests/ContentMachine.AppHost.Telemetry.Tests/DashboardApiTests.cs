using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContentMachine.AppHost.Telemetry.Tests;

/// <summary>The dashboard's JSON API behind its login token, reading what the real exporter sent.</summary>
public sealed class DashboardApiTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private RunningTelemetry _telemetry = null!;

    public async Task InitializeAsync() => _telemetry = await RunningTelemetry.StartAsync();
    public async Task DisposeAsync() => await _telemetry.DisposeAsync();

    [Theory]
    [InlineData("/api/traces")]
    [InlineData("/api/logs")]
    [InlineData("/api/resources")]
    [InlineData("/")]
    public async Task Without_the_token_every_address_gets_401(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = _telemetry.Endpoints.DashboardUrl };
        using var wrong = new HttpClient { BaseAddress = _telemetry.Endpoints.DashboardUrl };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "0000");

        (await anonymous.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await wrong.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"{path}?t=0000")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task With_the_bearer_token_the_trace_sent_by_the_exporter_is_listed_and_readable()
    {
        var traceId = SendTrace();
        using var client = new HttpClient { BaseAddress = _telemetry.Endpoints.DashboardUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _telemetry.Endpoints.LoginToken);

        var traces = await client.GetFromJsonAsync<List<TraceSummary>>($"/api/traces?service={RealExporter.Service}&errorsOnly=false", Json);
        var trace = await client.GetFromJsonAsync<JsonElement>($"/api/traces/{traceId}", Json);

        traces.Should().ContainSingle().Which.Should().Match<TraceSummary>(t =>
            t.TraceId == traceId && t.RootName == "gateway.request" && t.SpanCount == 2 && t.Services.Contains(RealExporter.Service));
        trace.GetProperty("spans").EnumerateArray().Select(s => s.GetProperty("name").GetString()).Should().Equal("gateway.request", "projects.create");
        trace.GetProperty("spans")[1].GetProperty("kind").GetString().Should().Be("Client");
        (await client.GetAsync($"/api/traces/{new string('f', 32)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetFromJsonAsync<List<TraceSummary>>("/api/traces?errorsOnly=true", Json)).Should().BeEmpty();
        (await client.GetFromJsonAsync<List<TraceSummary>>("/api/traces?minDurationMs=60000", Json)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_login_link_sets_a_cookie_and_drops_the_token_from_the_address()
    {
        var traceId = SendTrace();
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = _telemetry.Endpoints.DashboardUrl };

        using var login = await browser.GetAsync($"/api/traces?t={_telemetry.Endpoints.LoginToken}&limit=5");
        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        login.Headers.Location!.OriginalString.Should().Be("/api/traces?limit=5");

        var traces = await browser.GetFromJsonAsync<List<TraceSummary>>(login.Headers.Location, Json);
        traces.Should().ContainSingle(t => t.TraceId == traceId);
    }

    [Fact]
    public async Task Resources_and_logs_are_served_and_a_bad_level_gets_400()
    {
        using var client = new HttpClient { BaseAddress = _telemetry.Endpoints.DashboardUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _telemetry.Endpoints.LoginToken);

        var resources = await client.GetFromJsonAsync<JsonElement>("/api/resources", Json);
        var logs = await client.GetFromJsonAsync<JsonElement>("/api/logs?level=warning&resource=redis", Json);
        using var badLevel = await client.GetAsync("/api/logs?level=loud");

        resources.EnumerateArray().Should().ContainSingle();
        resources[0].GetProperty("name").GetString().Should().Be("redis");
        resources[0].GetProperty("state").GetString().Should().Be("Running");
        resources[0].GetProperty("pid").GetInt32().Should().Be(4242);
        resources[0].GetProperty("endpoints")[0].GetString().Should().Be("redis://127.0.0.1:6390");
        logs.GetArrayLength().Should().Be(0);
        badLevel.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private string SendTrace()
    {
        var sourceName = $"dashboard.{Guid.NewGuid():N}";
        using var source = new ActivitySource(sourceName);
        using var provider = RealExporter.Tracing(_telemetry.Endpoints, sourceName);
        using var root = source.StartActivity("gateway.request", ActivityKind.Server)!;
        using (source.StartActivity("projects.create", ActivityKind.Client)) { }
        root.Stop();
        RealExporter.Flush(provider).Should().BeTrue();
        return root.TraceId.ToHexString();
    }
}
