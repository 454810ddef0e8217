using ContentMachine.Pipeline.Model;

namespace ContentMachine.Pipeline.Tests;

/// <summary>The run's rules: which messages a worker acts on, and what each stage transition announces.</summary>
public class RunTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static ProjectSubmitted Submitted(int attempt = 1, Guid? runId = null) => new()
    {
        ProjectId = Guid.NewGuid(), RunId = runId ?? Guid.NewGuid(), Attempt = attempt, Topic = "Bees", Title = "Bees", Options = new VideoOptions(),
        OccurredAt = Now,
    };

    [Fact]
    public void Only_the_current_attempt_of_a_queued_or_running_run_is_worked_on()
    {
        var run = Run.Submitted(Submitted());

        run.IsWorkable(1).Should().BeTrue();
        run.Begin("pipeline-0", Now);
        run.IsWorkable(1).Should().BeTrue("a redelivered message resumes a running run");
        run.IsWorkable(2).Should().BeFalse();
        run.Cancel(new ProjectCancellationRequested { ProjectId = run.ProjectId, RunId = run.Id, Attempt = 1 }, Now).Should().NotBeNull();
        run.IsWorkable(1).Should().BeFalse("a cancelled run is dropped");
    }

    [Fact]
    public void A_retry_queues_a_newer_attempt_and_keeps_the_completed_checkpoints()
    {
        var first = Submitted();
        var run = Run.Submitted(first);
        run.StartStage("script", Now);
        run.CompleteStage("script", "{}", 10, Now.AddSeconds(1));
        run.StartStage("narration", Now.AddSeconds(1));
        run.Fail("narration", "espeak crashed", retryable: true, Now.AddSeconds(2));

        run.Resubmit(first with { Attempt = 1 }).Should().BeFalse("the same attempt again is a redelivery");
        run.Resubmit(first with { Attempt = 2, EventId = Guid.NewGuid() }).Should().BeTrue();

        run.Status.Should().Be(RunStatus.Queued);
        run.IsWorkable(2).Should().BeTrue();
        run.Checkpoint("script")!.Status.Should().Be(StageStatus.Completed);
        run.Checkpoint("narration")!.Status.Should().Be(StageStatus.Failed);
        run.Error.Should().BeNull();
    }

    [Fact]
    public void Stage_events_carry_the_run_attempt_and_progress_and_tries_count_per_attempt()
    {
        var run = Run.Submitted(Submitted());

        var started = run.StartStage("render", Now);
        run.StartStage("render", Now.AddSeconds(5));
        var completed = run.CompleteStage("render", """{"videoKey":"k"}""", 85, Now.AddSeconds(20));

        started.Should().BeEquivalentTo(new { run.ProjectId, RunId = run.Id, Attempt = 1, Stage = "render" });
        completed.ProgressPercent.Should().Be(85);
        completed.DurationSeconds.Should().Be(15);
        run.Checkpoint("render")!.Tries.Should().Be(2);
        run.Checkpoint("render")!.Output.Should().Contain("videoKey");
    }

    [Fact]
    public void A_failure_names_the_stage_and_keeps_a_bounded_reason()
    {
        var run = Run.Submitted(Submitted());
        run.StartStage("visuals", Now);

        var failed = run.Fail("visuals", new string('x', 5000), retryable: false, Now);

        failed.Stage.Should().Be("visuals");
        failed.Reason.Length.Should().Be(Run.MaxErrorLength);
        failed.Retryable.Should().BeFalse();
        run.Status.Should().Be(RunStatus.Failed);
        run.Stage.Should().Be("visuals");
        run.Checkpoint("visuals")!.Status.Should().Be(StageStatus.Failed);
    }
}
