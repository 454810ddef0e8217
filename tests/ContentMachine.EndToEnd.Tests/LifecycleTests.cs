namespace ContentMachine.EndToEnd.Tests;

/// <summary>Start and stop on stacks of their own (in the same collection, so never two stacks start at once).</summary>
[Collection(StackCollection.Name)]
public class LifecycleTests
{
    [Fact]
    public async Task Stopping_the_stack_leaves_no_process_behind()
    {
        var stack = new DistributedStack(TestStacks.Options("lifecycle"));
        try
        {
            await stack.StartAsync();
            stack.Snapshots().Should().OnlyContain(s => s.State == ResourceState.Running);
            using var gateway = new HttpClient { BaseAddress = stack.GatewayUrl };
            (await gateway.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
            var everything = Family(stack);
            everything.Should().Contain(p => p.Command.StartsWith("postgres"), "the database's own processes are tracked too");

            await stack.StopAsync();

            stack.Snapshots().Should().OnlyContain(s => s.State == ResourceState.Stopped);
            everything.Where(ProcessTable.IsAlive).Should().BeEmpty();
            stack.StartedProcesses.SelectMany(p => ProcessTable.InSession(p.Pid)).Should().BeEmpty();
        }
        finally
        {
            await TestStacks.DisposeAndDeleteAsync(stack);
        }
    }

    [Fact]
    public async Task A_start_that_fails_half_way_names_the_failure_and_stops_what_it_started()
    {
        var options = TestStacks.Options("halfway", only: ["projects", "storage"]) with
        {
            Environment = new Dictionary<string, IReadOnlyDictionary<string, string?>>
            {
                ["projects"] = new Dictionary<string, string?> { ["ConnectionStrings__projectsdb"] = "" },
            },
        };
        var stack = new DistributedStack(options);
        var started = new List<ProcessEntry>();
        stack.ResourceChanged += s =>
        {
            if (s is { State: ResourceState.Running, Pid: { } pid } && ProcessTable.Read(pid) is { } entry)
                lock (started) started.AddRange([entry, .. ProcessTable.Descendants(pid)]);
        };
        try
        {
            var start = () => stack.StartAsync();

            var failure = (await start.Should().ThrowAsync<ResourceFailedException>()).Which;

            failure.Resource.Should().Be("projects");
            failure.Message.Should().Contain("ConnectionStrings__projectsdb", "the service's last output explains why");
            started.Select(p => p.Command).Should().Contain(["postgres", "node", "beam.smp"], "the servers were up before projects failed");
            stack.StartedProcesses.Select(p => p.Resource).Should().Contain("projects", "projects was started, then exited");
            started.Where(ProcessTable.IsAlive).Should().BeEmpty();
            stack.StartedProcesses.Should().NotContain(p => p.IsAlive);
            stack.Snapshots().Should().OnlyContain(s => s.State == ResourceState.Stopped || s.State == ResourceState.Failed);
        }
        finally
        {
            await TestStacks.DisposeAndDeleteAsync(stack);
        }
    }

    private static List<ProcessEntry> Family(DistributedStack stack) =>
        stack.StartedProcesses.SelectMany(p => ProcessTable.Descendants(p.Pid).Prepend(p.AsEntry())).ToList();
}
