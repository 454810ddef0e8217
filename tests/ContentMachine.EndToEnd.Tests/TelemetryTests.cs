using System.Diagnostics;
using System.Net.Http.Headers;
using ContentMachine.AppHost.Telemetry;

namespace ContentMachine.EndToEnd.Tests;

/// <summary>The services export to the AppHost's own OTLP receiver: one project's life, from the gateway to the stored
/// video, is one trace, and the dashboard's API serves it.</summary>
[Collection(StackCollection.Name)]
public class TelemetryTests(StackFixture fixture)
{
    private static readonly string[] Stages = ["script", "narration", "visuals", "render", "cover", "store"];

    /// <summary>The store stage has arrived and the run's ancestors lead back, span by span, to the gateway.</summary>
    private static bool IsComplete(IReadOnlyList<ContentMachine.AppHost.Telemetry.Model.TelemetrySpan> spans)
    {
        var byId = spans.DistinctBy(s => s.SpanId).ToDictionary(s => s.SpanId); // an exporter retry may repeat a span
        var span = spans.FirstOrDefault(s => s.Name == "pipeline.run");
        if (span is null || !spans.Any(s => s.Name == "pipeline.store")) return false;
        while (span.Resource.ServiceName != "gateway")
            if (span.ParentSpanId is not { } parent || !byId.TryGetValue(parent, out span)) return false;
        return true;
    }

    [Fact]
    public async Task A_project_is_one_trace_from_the_gateway_through_projects_to_every_pipeline_stage()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects")
        {
            Content = JsonContent.Create(new { topic = "Traced from end to end", options = new { durationSeconds = 15 } }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var created = await fixture.Gateway.SendAsync(request);
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        // The exporters send in batches every few seconds, each service on its own: wait until the last stage's span is
        // in and the chain from the run back to the gateway is complete.
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (!IsComplete(fixture.Stack.Telemetry.Store.Trace(traceId)))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The trace has {string.Join(", ", fixture.Stack.Telemetry.Store.Trace(traceId).Select(s => $"{s.Resource.ServiceName}:{s.Name}"))}");
            await Task.Delay(250);
        }

        var endpoints = fixture.Stack.Telemetry.Endpoints;
        using var dashboard = new HttpClient { BaseAddress = endpoints.DashboardUrl };
        dashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", endpoints.LoginToken);
        var trace = await dashboard.GetFromJsonAsync<JsonElement>($"/api/traces/{traceId}");
        var spans = trace.GetProperty("spans").EnumerateArray().ToList();
        var services = spans.Select(s => s.GetProperty("resource").GetProperty("serviceName").GetString()).Distinct().ToList();
        var names = spans.Select(s => s.GetProperty("name").GetString()).ToList();

        services.Should().Contain(["gateway", "projects", "pipeline"]);
        names.Should().Contain("pipeline.run").And.Contain(Stages.Select(stage => $"pipeline.{stage}"));
        spans.Should().OnlyContain(s => s.GetProperty("traceId").GetString() == traceId);
        var run = spans.Single(s => s.GetProperty("name").GetString() == "pipeline.run").GetProperty("spanId").GetString();
        spans.Where(s => Stages.Contains(s.GetProperty("name").GetString()!.Replace("pipeline.", "")))
            .Should().OnlyContain(s => s.GetProperty("parentSpanId").GetString() == run, "each stage is a child of the run");
    }
}
