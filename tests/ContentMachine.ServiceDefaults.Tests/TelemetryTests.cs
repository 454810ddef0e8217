using ContentMachine.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;

namespace ContentMachine.ServiceDefaults.Tests;

public class TelemetryTests
{
    private static async Task<(TestApp App, ActivityCollector Spans)> StartAsync()
    {
        var spans = new ActivityCollector();
        var app = await TestApp.StartAsync(
            configure: b => b.Services.AddSingleton<OpenTelemetry.BaseProcessor<Activity>>(spans),
            map: a =>
            {
                a.MapGet("/items/{id:int}", (int id) => TypedResults.Ok(new { id }));
                a.MapGet("/boom", string () => throw new InvalidOperationException("kaput"));
            });
        return (app, spans);
    }

    [Fact]
    public async Task A_request_yields_a_server_span_with_method_route_and_status()
    {
        var (app, spans) = await StartAsync();
        await using var _ = app;

        (await app.Client.GetAsync("/items/42")).StatusCode.Should().Be(HttpStatusCode.OK);

        var span = app.ServerSpans(spans).Should().ContainSingle().Subject;
        span.Source.Name.Should().Be("Microsoft.AspNetCore");
        span.DisplayName.Should().Be("GET /items/{id:int}");
        span.GetTagItem("http.request.method").Should().Be("GET");
        span.GetTagItem("http.route").Should().Be("/items/{id:int}");
        span.GetTagItem("http.response.status_code").Should().Be(200);
        span.Status.Should().Be(ActivityStatusCode.Unset);
        span.Recorded.Should().BeTrue();
    }

    [Fact]
    public async Task A_failing_request_marks_its_span_as_an_error()
    {
        var (app, spans) = await StartAsync();
        await using var _ = app;

        (await app.Client.GetAsync("/boom")).StatusCode.Should().Be(HttpStatusCode.InternalServerError);

        var span = app.ServerSpans(spans).Should().ContainSingle().Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("http.response.status_code").Should().Be(500);
        span.GetTagItem("error.type").Should().NotBeNull();
    }

    [Fact]
    public async Task Health_probes_are_not_recorded_for_export()
    {
        var (app, spans) = await StartAsync();
        await using var _ = app;

        await app.Client.GetAsync("/health");
        await app.Client.GetAsync("/alive");
        await app.Client.GetAsync("/items/1");

        app.ServerSpans(spans).Select(a => ((string?)a.GetTagItem("url.path"), a.Recorded))
            .Should().BeEquivalentTo([("/health", false), ("/alive", false), ("/items/1", true)]);
    }

    [Fact]
    public async Task Outgoing_http_calls_carry_w3c_trace_context_and_become_client_spans()
    {
        string? traceparent = null;
        await using var backend = await TestBackend.StartAsync(a => a.MapGet("/echo", (HttpRequest r) =>
        {
            traceparent = r.Headers["traceparent"];
            return "ok";
        }));
        var spans = new ActivityCollector();
        await using var app = await TestApp.StartAsync(
            configure: b => b.Services.AddSingleton<OpenTelemetry.BaseProcessor<Activity>>(spans),
            map: a => a.MapGet("/call", async (IHttpClientFactory http) => await http.CreateClient().GetStringAsync(new Uri(backend.Url, "/echo"))));

        (await app.Client.GetStringAsync("/call")).Should().Be("ok");

        var server = app.ServerSpans(spans).Should().ContainSingle().Subject;
        var client = spans.Ended.Should().ContainSingle(a => a.Kind == ActivityKind.Client && a.ParentSpanId == server.SpanId).Subject;
        client.Source.Name.Should().Be("System.Net.Http");
        client.TraceId.Should().Be(server.TraceId);
        traceparent.Should().Be($"00-{server.TraceId}-{client.SpanId}-01");
    }

    [Fact]
    public async Task Probe_calls_and_parentless_database_commands_are_not_recorded_but_database_work_for_a_request_is()
    {
        await using var backend = await TestBackend.StartAsync(a =>
        {
            a.MapGet("/health", () => "Healthy");
            a.MapGet("/echo", () => "ok");
        });
        using var npgsql = new ActivitySource("Npgsql");
        var spans = new ActivityCollector();
        await using var app = await TestApp.StartAsync(
            configure: b => b.Services.AddSingleton<OpenTelemetry.BaseProcessor<Activity>>(spans),
            map: a => a.MapGet("/work", async (IHttpClientFactory http) =>
            {
                using (npgsql.StartActivity("noise-test request query", ActivityKind.Client)) { }
                await http.CreateClient().GetStringAsync(new Uri(backend.Url, "/health"));
                return await http.CreateClient().GetStringAsync(new Uri(backend.Url, "/echo"));
            }));

        (await app.Client.GetStringAsync("/work")).Should().Be("ok");
        Activity.Current = null;
        using (npgsql.StartActivity("noise-test polling query", ActivityKind.Client)) { }

        var server = app.ServerSpans(spans).Should().ContainSingle().Subject;
        var inRequest = spans.Ended.Where(a => a.ParentSpanId == server.SpanId).ToList();
        inRequest.Select(a => (a.DisplayName, a.Recorded)).Should().BeEquivalentTo(
            [("noise-test request query", true), ("GET", false), ("GET", true)]);
        inRequest.Single(a => a.DisplayName == "GET" && a.Recorded).GetTagItem("url.full").Should().Be(new Uri(backend.Url, "/echo").AbsoluteUri);
        spans.Ended.Should().ContainSingle(a => a.DisplayName == "noise-test polling query").Which.Recorded.Should().BeFalse();
    }

    [Fact]
    public async Task The_service_own_activity_source_is_recorded_inside_the_request_trace()
    {
        var spans = new ActivityCollector();
        await using var app = await TestApp.StartAsync(
            configure: b => b.Services.AddSingleton<OpenTelemetry.BaseProcessor<Activity>>(spans),
            map: a => a.MapPost("/work", (ContentMachine.ServiceDefaults.Telemetry.ServiceTelemetry telemetry) =>
            {
                using var work = telemetry.Source.StartActivity("tests.work");
                work?.SetTag("project.id", "p-1");
                return TypedResults.NoContent();
            }));

        await app.Client.PostAsync("/work", null);

        var server = app.ServerSpans(spans).Should().ContainSingle().Subject;
        var work = spans.Ended.Should().ContainSingle(a => a.DisplayName == "tests.work").Subject;
        work.Source.Name.Should().Be("ContentMachine.tests");
        work.ParentSpanId.Should().Be(server.SpanId);
        work.GetTagItem("project.id").Should().Be("p-1");
    }

    [Theory]
    [InlineData("http://127.0.0.1:4318", "traces", "http://127.0.0.1:4318/v1/traces")]
    [InlineData("http://collector:4318/otlp/", "logs", "http://collector:4318/otlp/v1/logs")]
    public void Otlp_endpoint_gets_the_signal_path_over_http_protobuf(string endpoint, string signal, string expected)
    {
        var settings = OtlpSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-otlp-api-key=abc",
        }).Build())!;
        var options = new OtlpExporterOptions();

        settings.Apply(options, signal);

        options.Endpoint.Should().Be(new Uri(expected));
        options.Protocol.Should().Be(OtlpExportProtocol.HttpProtobuf);
        options.Headers.Should().Be("x-otlp-api-key=abc");
    }

    [Fact]
    public void Without_an_otlp_endpoint_nothing_is_exported()
    {
        OtlpSettings.From(new ConfigurationBuilder().Build()).Should().BeNull();
    }
}
