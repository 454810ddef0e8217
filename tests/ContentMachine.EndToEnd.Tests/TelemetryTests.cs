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

        // The exporters send in batches every few seconds: wait for the last stage's span to arrive.
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (!fixture.Stack.Telemetry.Store.Trace(traceId).Any(s => s.Name == "pipeline.store"))
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
        var ids = spans.Select(s => s.GetProperty("spanId").GetString()).ToHashSet();
        spans.Count(s => !s.TryGetProperty("parentSpanId", out var p) || p.ValueKind == JsonValueKind.Null || !ids.Contains(p.GetString()))
            .Should().BeLessThanOrEqualTo(1, "every span but the gateway's root hangs off another span of the trace");
    }
}
