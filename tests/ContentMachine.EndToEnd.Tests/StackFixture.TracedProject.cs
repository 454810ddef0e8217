using System.Diagnostics;
using ContentMachine.AppHost.Telemetry.Model;

namespace ContentMachine.EndToEnd.Tests;

public sealed partial class StackFixture
{
    public static readonly string[] Stages = ["script", "narration", "visuals", "render", "cover", "store"];

    private readonly Lazy<Task<string>> _tracedProject;

    public StackFixture() => _tracedProject = new(CreateTracedProjectAsync);

    /// <summary>The trace id of one 15 s project created through the gateway with a chosen traceparent, once its whole
    /// trace (from the gateway to the store stage) has reached the AppHost; made once and shared by the tests that read it.</summary>
    public Task<string> TracedProjectAsync() => _tracedProject.Value;

    private async Task<string> CreateTracedProjectAsync()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects")
        {
            Content = JsonContent.Create(new { topic = "Traced from end to end", options = new { durationSeconds = 15 } }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var created = await Gateway.SendAsync(request);
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        // The exporters send in batches every few seconds, each service on its own: wait until the last stage's span is
        // in and the chain from the run back to the gateway is complete.
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (!IsComplete(Stack.Telemetry.Store.Trace(traceId)))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The trace has {string.Join(", ", Stack.Telemetry.Store.Trace(traceId).Select(s => $"{s.Resource.ServiceName}:{s.Name}"))}");
            await Task.Delay(250);
        }
        return traceId;
    }

    /// <summary>The store stage has arrived and the run's ancestors lead back, span by span, to the gateway.</summary>
    private static bool IsComplete(IReadOnlyList<TelemetrySpan> spans)
    {
        var byId = spans.DistinctBy(s => s.SpanId).ToDictionary(s => s.SpanId); // an exporter retry may repeat a span
        var span = spans.FirstOrDefault(s => s.Name == "pipeline.run");
        if (span is null || !spans.Any(s => s.Name == "pipeline.store")) return false;
        while (span.Resource.ServiceName != "gateway")
            if (span.ParentSpanId is not { } parent || !byId.TryGetValue(parent, out span)) return false;
        return true;
    }
}
