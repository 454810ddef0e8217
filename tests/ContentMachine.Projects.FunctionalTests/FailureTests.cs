using ContentMachine.Contracts;
using MassTransit;

namespace ContentMachine.Projects.FunctionalTests;

[Collection(ProjectsCollection.Name)]
public class FailureTests(ProjectsServiceFixture fixture)
{
    [Fact]
    public async Task An_event_that_keeps_failing_is_retried_then_dead_lettered_and_each_failure_is_logged_with_its_ids()
    {
        var project = await (await fixture.Client.PostAsJsonAsync("/api/projects", new { topic = "Gets an oversized script" })).Content.ReadFromJsonAsync<JsonElement>();
        var events = new PipelineEvents(project);
        var broken = events.Script("Fine title", 1) with { Scenes = [new SceneScript(1, new string('x', 5000), 5, "prompt")] }; // exceeds the column
        var deadLettered = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await fixture.ConnectQueueAsync<ScriptGenerated>("projects-read-model_error", context =>
        {
            if (context.Message.EventId == broken.EventId)
                deadLettered.TrySetResult(string.Join("; ", context.ReceiveContext.TransportHeaders.GetAll().Select(h => $"{h.Key}={h.Value}")));
            return Task.CompletedTask;
        });

        await fixture.PublishAsync(broken);
        var reason = await deadLettered.Task.WaitAsync(TimeSpan.FromSeconds(60));

        reason.Should().Contain("MT-Fault-ExceptionType=Npgsql.PostgresException").And.Contain("value too long", "the error queue keeps why it failed");
        var failures = fixture.Logs.Entries.Where(l => l.Message.Contains($"ScriptGenerated {broken.EventId}") && l.Message.Contains("failed")).ToList();
        failures.Should().HaveCountGreaterThanOrEqualTo(2, "every delivery attempt that fails is logged");
        failures.Should().OnlyContain(l => l.Message.Contains(events.ProjectId.ToString())
            && l.Scope.Any(s => s.Key == "EventId" && Equals(s.Value, broken.EventId)));
        var unchanged = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/projects/{events.ProjectId}");
        unchanged.GetProperty("scenes").GetArrayLength().Should().Be(0, "nothing of a failed handling is committed");
    }
}
