using ContentMachine.Cli.Api;

namespace ContentMachine.Cli.Tests;

public class NewCommandTests
{
    static NewCommandTests() => (ProjectEventStream.PollInterval, ProjectEventStream.ReconnectDelay) = (TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task New_wait_follows_every_stage_to_rendered_and_exits_0()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway());

        var run = await Cm.RunAsync(gateway, "new", "Why octopuses have three hearts", "--duration", "15", "--platform", "tiktok", "--style", "dark", "--wait");

        run.ExitCode.Should().Be(ExitCodes.Ok, run.All);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().ContainInOrder(
            "status: running", "script: running", "script: completed", "narration: running", "narration: completed", "visuals: running", "visuals: completed",
            "render: running", "render: completed", "cover: running", "cover: completed", "store: running", "store: completed", "status: rendered");
        lines.Should().OnlyHaveUniqueItems("each transition is printed once");
        lines.Last().Should().StartWith("rendered ").And.Contain("1080x1920");
        var created = JsonDocument.Parse(gateway.Requests.First(r => r.Method == "POST").Body).RootElement;
        created.GetProperty("topic").GetString().Should().Be("Why octopuses have three hearts");
        created.GetProperty("options").GetProperty("durationSeconds").GetInt32().Should().Be(15);
        created.GetProperty("options").GetProperty("visualStyle").GetString().Should().Be("dark");
        created.GetProperty("options").GetProperty("platforms").EnumerateArray().Select(p => p.GetString()).Should().Equal("tiktok");
        created.GetProperty("options").TryGetProperty("voice", out _).Should().BeFalse("options not given are left to the API's defaults");
    }

    [Fact]
    public async Task New_wait_on_a_terminal_draws_a_live_progress_display_and_exits_0()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway());

        var run = await Cm.RunAsync(["new", "A live display", "--wait", "--url", gateway.Url.ToString()], terminal: true);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.All);
        run.Out.Should().Contain("narration").And.Contain("store").And.Contain("100%").And.Contain("Rendered");
    }

    [Fact]
    public async Task The_live_display_ends_with_every_stage_complete_even_when_the_last_stages_event_never_came()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway { RenderedBeforeLastStage = true });

        var run = await Cm.RunAsync(["new", "A live display", "--wait", "--url", gateway.Url.ToString()], terminal: true);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.All);
        var lastFrame = run.Out[run.Out.LastIndexOf("script", StringComparison.Ordinal)..];
        foreach (var stage in Contracts.Stages.All)
            lastFrame.Split('\n').Single(l => l.TrimStart().StartsWith(stage, StringComparison.Ordinal)).Should().Contain("100%", $"{stage} is done");
    }

    [Fact]
    public async Task Without_an_event_stream_new_wait_polls_the_project_to_rendered()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway { WithoutEventStream = true });

        var run = await Cm.RunAsync(gateway, "new", "Polled to the end", "--wait");

        run.ExitCode.Should().Be(ExitCodes.Ok, run.All);
        run.Out.Should().Contain("store: completed").And.Contain("status: rendered");
    }

    [Fact]
    public async Task A_failed_run_exits_1_naming_the_stage_and_the_reason()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway { Outcome = RunOutcome.FailsAtVisuals });

        var run = await Cm.RunAsync(gateway, "new", "Made from a missing upload", "--wait");

        run.ExitCode.Should().Be(ExitCodes.Failed);
        run.Out.Should().Contain("visuals: failed: the upload 0196 is not there");
        run.Error.Should().MatchRegex("error: Project .* failed at stage visuals: the upload 0196 is not there");
    }

    [Fact]
    public async Task Ctrl_C_stops_waiting_and_with_cancel_on_interrupt_cancels_the_project()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway { Outcome = RunOutcome.Stalls });
        using var interrupt = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var run = await Cm.RunAsync(["new", "Interrupted", "--wait", "--cancel-on-interrupt", "--url", gateway.Url.ToString()], ct: interrupt.Token);

        run.ExitCode.Should().Be(ExitCodes.Interrupted, run.All);
        run.Out.Should().Contain("script: running");
        run.Error.Should().Contain("cancelled project");
        gateway.Projects.Values.Single().Status.Should().Be("cancelled");
    }

    [Fact]
    public async Task Without_wait_new_prints_the_id_alone_for_scripts()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway());

        var run = await Cm.RunAsync(gateway, "new", "Just queue it", "--draft");

        run.ExitCode.Should().Be(ExitCodes.Ok, run.All);
        Guid.Parse(run.Out.Trim()).Should().Be(gateway.Projects.Keys.Single());
        JsonDocument.Parse(gateway.Requests.Single().Body).RootElement.GetProperty("draft").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Bad_input_is_a_usage_error_exit_2_whether_the_parser_or_the_API_refuses_it()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway());

        var unknown = await Cm.RunAsync(gateway, "new", "Some topic", "--archetype", "ballad");
        var refused = await Cm.RunAsync(gateway, "new", "ab");
        var both = await Cm.RunAsync(gateway, "new", "Some topic", "--draft", "--wait");

        unknown.ExitCode.Should().Be(ExitCodes.Usage);
        unknown.Error.Should().Contain("ballad");
        refused.ExitCode.Should().Be(ExitCodes.Usage);
        refused.Error.Trim().Should().Be("error: One or more fields are invalid (topic: The topic must be 3-200 characters.)");
        both.ExitCode.Should().Be(ExitCodes.Usage);
        gateway.Requests.Should().ContainSingle("only the valid command line reached the API");
    }
}
