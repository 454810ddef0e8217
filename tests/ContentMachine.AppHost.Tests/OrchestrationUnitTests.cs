using ContentMachine.AppHost.Console;

namespace ContentMachine.AppHost.Tests;

public class OrchestrationUnitTests
{
    [Fact]
    public void Restart_backoff_doubles_to_a_ceiling_and_resets_after_a_stable_run()
    {
        var backoff = new RestartBackoff();
        var quick = TimeSpan.FromSeconds(1);

        var delays = Enumerable.Range(0, 9).Select(_ => backoff.Next(quick).TotalSeconds).ToList();

        delays.Should().Equal(0.5, 1, 2, 4, 8, 16, 30, 30, 30);
        backoff.Next(RestartBackoff.StableAfter).Should().Be(RestartBackoff.Initial);
    }

    [Fact]
    public void A_proc_stat_line_is_parsed_even_when_the_command_has_spaces_and_parentheses()
    {
        var entry = ProcessTable.Parse(4242, "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10");

        entry.Should().Be(new ProcessEntry(4242, "my (odd) cmd", 'S', 1, 4242, 4242, 987654));
    }

    [Fact]
    public void Service_json_logs_are_shown_as_level_category_and_message()
    {
        const string json = """{"Timestamp":"2026-11-22T03:00:00.000Z","EventId":0,"LogLevel":"Warning","Category":"ContentMachine.Projects.Apis.ProjectsApi","Message":"Project 42 created","State":{}}""";

        LogLineRenderer.Render(json).Should().Be("warn ProjectsApi: Project 42 created");
        LogLineRenderer.Render("plain text from postgres").Should().Be("plain text from postgres");
        LogLineRenderer.Render("{not json").Should().Be("{not json");
    }

    [Fact]
    public void A_missing_prerequisite_is_reported_by_name_with_the_command_that_installs_it()
    {
        var absent = Prerequisite.AptPackage("Redis server", "redis-server-that-does-not-exist", "redis-server");

        absent.IsPresent().Should().BeFalse();
        var message = new MissingPrerequisitesException([absent]).Message;

        message.Should().Contain("Redis server").And.Contain("apt-get install -y redis-server").And.Contain("scripts/bootstrap.sh");
    }

    [Fact]
    public void Ports_of_zero_become_distinct_free_ports_and_a_busy_fixed_port_is_named()
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var busyPort = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var allocator = new PortAllocator();

        var free = Enumerable.Range(0, 20).Select(i => allocator.Allocate($"service-{i}", 0)).ToList();
        allocator.Allocate("gateway", busyPort);

        free.Should().OnlyHaveUniqueItems().And.NotContain(busyPort);
        allocator.Busy.Should().ContainSingle().Which.Should().Be($"gateway port {busyPort}");
    }

    [Fact]
    public void Log_tails_are_bounded_per_resource()
    {
        var logs = new ResourceLogs(capacityPerResource: 3);
        for (var i = 0; i < 10; i++) logs.Write("redis", $"line {i}");

        logs.Tail("redis").Select(l => l.Text).Should().Equal("line 7", "line 8", "line 9");
        logs.Tail("redis", 1).Single().Text.Should().Be("line 9");
        logs.Tail("unknown").Should().BeEmpty();
    }
}
