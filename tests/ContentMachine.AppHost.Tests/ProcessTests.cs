namespace ContentMachine.AppHost.Tests;

/// <summary>The process layer against real processes: sessions, graceful stop, kill after the timeout, descendants,
/// leftovers of a killed AppHost.</summary>
public class ProcessTests
{
    private static ManagedProcess Start(string script, TimeSpan? stopTimeout = null) =>
        ManagedProcess.Start(new ProcessSpec("sh", ["-c", script]) { StopTimeout = stopTimeout ?? TimeSpan.FromSeconds(5) }, (_, _) => { });

    [Fact]
    public async Task A_child_leads_its_own_session_so_a_terminal_ctrl_c_reaches_only_the_apphost()
    {
        var process = Start("exec sleep 30");

        var entry = ProcessTable.Read(process.Pid)!;

        entry.Session.Should().Be(process.Pid);
        entry.ProcessGroup.Should().Be(process.Pid);
        await process.StopAsync();
        ProcessTable.IsAlive(process.Pid).Should().BeFalse();
    }

    [Fact]
    public async Task Stop_asks_first_then_kills_the_whole_group_including_grandchildren()
    {
        var process = Start("trap '' TERM; sleep 60 & sleep 60 & wait", stopTimeout: TimeSpan.FromMilliseconds(500));
        await WaitForChildrenAsync(process.Pid, 2);
        var family = ProcessTable.Descendants(process.Pid);

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await process.StopAsync();

        stopping.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(450), "SIGTERM is ignored, so the timeout passes first");
        family.Should().HaveCount(2).And.OnlyContain(p => !ProcessTable.IsAlive(p));
        ProcessTable.IsAlive(process.Pid).Should().BeFalse();
    }

    [Fact]
    public async Task Output_lines_reach_the_callback_with_their_stream()
    {
        var lines = new List<(string, bool)>();
        var process = ManagedProcess.Start(new ProcessSpec("sh", ["-c", "echo out; echo err >&2"]), (l, e) => { lock (lines) lines.Add((l, e)); });

        (await process.Exited).Should().Be(0);

        lines.Should().BeEquivalentTo([("out", false), ("err", true)]);
    }

    [Fact]
    public async Task Processes_left_by_a_killed_apphost_are_stopped_at_the_next_start()
    {
        var path = Path.Combine(Path.GetTempPath(), "contentmachine-tests", $"registry-{Guid.NewGuid():N}.json");
        var orphan = Start("sleep 60 & wait");
        await WaitForChildrenAsync(orphan.Pid, 1);
        var child = ProcessTable.Descendants(orphan.Pid).Single();
        new ProcessRegistry(path).Add("orphan", orphan);

        var reclaimed = await ProcessRegistry.ReclaimAsync(path);

        reclaimed.Should().ContainSingle().Which.Should().Contain("orphan");
        await orphan.Exited;
        ProcessTable.IsAlive(child).Should().BeFalse();
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public async Task A_reused_pid_is_never_signalled()
    {
        var path = Path.Combine(Path.GetTempPath(), "contentmachine-tests", $"registry-{Guid.NewGuid():N}.json");
        var bystander = Start("exec sleep 30");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var wrongStart = ProcessTable.Read(bystander.Pid)!.StartTicks + 1;
        await File.WriteAllTextAsync(path, $$"""[{"Resource":"old","Pid":{{bystander.Pid}},"StartTicks":{{wrongStart}}}]""");

        var reclaimed = await ProcessRegistry.ReclaimAsync(path);

        reclaimed.Should().BeEmpty();
        ProcessTable.IsAlive(bystander.Pid).Should().BeTrue();
        await bystander.StopAsync();
    }

    [Fact]
    public void Two_apphosts_cannot_share_a_state_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "contentmachine-tests", $"state-{Guid.NewGuid():N}");
        using var first = new StateDirectory(root);
        using var second = new StateDirectory(root);
        first.Acquire();

        second.Invoking(s => s.Acquire()).Should().Throw<InvalidOperationException>().WithMessage("*Another AppHost*");

        first.Dispose();
        second.Acquire();
        Directory.Delete(root, recursive: true);
    }

    private static async Task WaitForChildrenAsync(int pid, int count)
    {
        for (var i = 0; i < 200 && ProcessTable.Descendants(pid).Count < count; i++) await Task.Delay(10);
    }
}
