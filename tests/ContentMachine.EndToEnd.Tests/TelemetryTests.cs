using System.Net.Http.Headers;

namespace ContentMachine.EndToEnd.Tests;

/// <summary>The services export to the AppHost's own OTLP receiver: one project's life, from the gateway to the stored
/// video, is one trace, and the dashboard's API serves it and the metrics of the same traffic.</summary>
[Collection(StackCollection.Name)]
public class TelemetryTests(StackFixture fixture)
{
    private HttpClient Dashboard()
    {
        var endpoints = fixture.Stack.Telemetry.Endpoints;
        var dashboard = new HttpClient { BaseAddress = endpoints.DashboardUrl };
        dashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", endpoints.LoginToken);
        return dashboard;
    }

    [Fact]
    public async Task A_project_is_one_trace_from_the_gateway_through_projects_to_every_pipeline_stage()
    {
        var traceId = await fixture.TracedProjectAsync();

        using var dashboard = Dashboard();
        var trace = await dashboard.GetFromJsonAsync<JsonElement>($"/api/traces/{traceId}");
        var spans = trace.GetProperty("spans").EnumerateArray().ToList();
        var services = spans.Select(s => s.GetProperty("resource").GetProperty("serviceName").GetString()).Distinct().ToList();
        var names = spans.Select(s => s.GetProperty("name").GetString()).ToList();

        services.Should().Contain(["gateway", "projects", "pipeline"]);
        names.Should().Contain("pipeline.run").And.Contain(StackFixture.Stages.Select(stage => $"pipeline.{stage}"));
        spans.Should().OnlyContain(s => s.GetProperty("traceId").GetString() == traceId);
        var run = spans.Single(s => s.GetProperty("name").GetString() == "pipeline.run").GetProperty("spanId").GetString();
        spans.Where(s => StackFixture.Stages.Contains(s.GetProperty("name").GetString()!.Replace("pipeline.", "")))
            .Should().OnlyContain(s => s.GetProperty("parentSpanId").GetString() == run, "each stage is a child of the run");
    }

    [Fact]
    public async Task The_metrics_views_show_the_traffic_the_stages_and_the_brokers_queues()
    {
        await fixture.TracedProjectAsync();
        using var dashboard = Dashboard();

        var requests = await dashboard.GetFromJsonAsync<JsonElement>("/api/metrics/requests?minutes=30&windowSeconds=60");
        var stages = await dashboard.GetFromJsonAsync<JsonElement>("/api/metrics/stages");
        var queues = await dashboard.GetFromJsonAsync<JsonElement>("/api/metrics/queues");

        var served = requests.EnumerateArray().ToDictionary(s => s.GetProperty("service").GetString()!, s => s.GetProperty("requests").GetInt64());
        served.Should().ContainKeys("gateway", "projects", "storage", "search");
        served["search"].Should().BePositive("the pipeline asked it for duplicates before rendering");
        served["gateway"].Should().BePositive();
        served["storage"].Should().BePositive("the pipeline stored its artifacts through it");
        var render = stages.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "pipeline.render");
        render.GetProperty("count").GetInt32().Should().BePositive();
        render.GetProperty("p50Ms").GetDouble().Should().BePositive();
        var order = stages.EnumerateArray().Select(s => s.GetProperty("name").GetString()).Where(n => StackFixture.Stages.Contains(n![9..])).ToList();
        order.Should().Equal(StackFixture.Stages.Select(s => $"pipeline.{s}"), "stages are listed in the order they run");
        var work = queues.EnumerateArray().Single(q => q.GetProperty("name").GetString() == "pipeline-work");
        work.GetProperty("consumers").GetInt32().Should().Be(2, "the stack runs two pipeline replicas");
    }
}
