namespace ContentMachine.EndToEnd.Tests;

[Collection(StackCollection.Name)]
public class CrashTests(StackFixture fixture)
{
    [Fact]
    public async Task A_killed_service_is_restarted_and_its_gateway_route_answers_again()
    {
        var before = fixture.Stack.Snapshot("projects");

        System.Diagnostics.Process.GetProcessById(before.Pid!.Value).Kill(); // SIGKILL, by PID
        var after = await fixture.Stack.WaitForAsync("projects",
            s => s.State == ResourceState.Running && s.Restarts == before.Restarts + 1, new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);

        after.Pid.Should().NotBe(before.Pid);
        after.LastExitCode.Should().Be(137, "SIGKILL");
        ProcessTable.IsAlive(before.Pid.Value).Should().BeFalse();
        var response = await fixture.Gateway.PostAsJsonAsync("/api/projects", new { topic = "Written after the crash", draft = true });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await fixture.Gateway.GetAsync(response.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
