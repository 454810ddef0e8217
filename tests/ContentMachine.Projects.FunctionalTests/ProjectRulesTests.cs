using ContentMachine.Contracts;

namespace ContentMachine.Projects.FunctionalTests;

/// <summary>The project's own rules, without a database: what each command and event may change.</summary>
public class ProjectRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static Project Queued(VideoOptions? options = null) => Project.Create("Octopus facts", options ?? new VideoOptions(), draft: false, T0);

    private static RunStageStarted Started(Project p, string stage, int? attempt = null) =>
        new() { ProjectId = p.Id, RunId = p.RunId!.Value, Attempt = attempt ?? p.Attempt, Stage = stage, OccurredAt = T0.AddSeconds(1) };

    private static RunStageCompleted Completed(Project p, string stage, int progress) =>
        new() { ProjectId = p.Id, RunId = p.RunId!.Value, Attempt = p.Attempt, Stage = stage, ProgressPercent = progress, OccurredAt = T0.AddSeconds(2) };

    private static VideoRendered Rendered(Project p) => new()
    {
        ProjectId = p.Id, RunId = p.RunId!.Value, Attempt = p.Attempt, VideoKey = "v.mp4", CoverKey = "c.jpg", DurationSeconds = 30,
        Width = 1080, Height = 1920, SizeBytes = 1, Sha256 = "x", OccurredAt = T0.AddSeconds(3),
    };

    [Fact]
    public void A_new_project_is_queued_and_raises_its_first_submission()
    {
        var project = Queued();

        project.Status.Should().Be(ProjectStatus.Queued);
        project.Attempt.Should().Be(1);
        project.PendingEvents.Should().ContainSingle().Which.Should().BeOfType<ProjectSubmitted>().Which.RunId.Should().Be(project.RunId!.Value);
        project.Stages.Select(s => s.Name).Should().Equal(Stages.All);
    }

    [Fact]
    public void A_draft_raises_nothing_until_submitted()
    {
        var draft = Project.Create("Draft", new VideoOptions(), draft: true, T0);

        draft.PendingEvents.Should().BeEmpty();
        draft.RunId.Should().BeNull();
        draft.Submit(T0).Should().BeNull();
        draft.PendingEvents.Should().ContainSingle().Which.Should().BeOfType<ProjectSubmitted>();
        draft.Submit(T0).Should().Contain("Only a draft");
    }

    [Fact]
    public void Progress_never_goes_down_and_a_late_start_never_undoes_a_completion()
    {
        var project = Queued();
        project.Apply(Completed(project, "script", 40)).Should().BeTrue();

        project.Apply(Completed(project, "narration", 20));
        project.Apply(Started(project, "script"));

        project.Progress.Should().Be(40);
        project.Stages.Single(s => s.Name == "script").Status.Should().Be(StageStatus.Completed);
    }

    [Fact]
    public void Events_of_a_superseded_attempt_are_ignored()
    {
        var project = Queued();
        project.Cancel(T0);
        project.Retry(T0);

        project.Apply(Started(project, "script", attempt: 1)).Should().BeFalse();
        project.Apply(new RunFailed { ProjectId = project.Id, RunId = project.RunId!.Value, Attempt = 1, Stage = "script", Reason = "old" }).Should().BeFalse();

        project.Status.Should().Be(ProjectStatus.Queued);
        project.Attempt.Should().Be(2);
    }

    [Fact]
    public void A_rendered_project_does_not_move_back_to_running()
    {
        var project = Queued();
        project.Apply(Rendered(project)).Should().BeTrue();

        project.Apply(Started(project, "render")).Should().BeFalse();

        project.Status.Should().Be(ProjectStatus.Rendered);
        project.Progress.Should().Be(100);
    }

    [Fact]
    public void Cancel_applies_to_queued_running_and_drafts_only()
    {
        var project = Queued();
        project.Apply(Rendered(project));

        project.Cancel(T0).Should().Contain("Only a queued or running project");

        var queued = Queued();
        queued.ClearPendingEvents();
        queued.Cancel(T0).Should().BeNull();
        queued.PendingEvents.Should().ContainSingle().Which.Should().BeOfType<ProjectCancellationRequested>();
    }

    [Fact]
    public void A_retry_keeps_completed_stages_and_resets_the_others()
    {
        var project = Queued();
        project.Apply(Completed(project, "script", 15));
        project.Apply(new RunFailed { ProjectId = project.Id, RunId = project.RunId!.Value, Attempt = 1, Stage = "narration", Reason = "boom" });

        project.Retry(T0.AddMinutes(1)).Should().BeNull();

        project.Stages.Single(s => s.Name == "script").Status.Should().Be(StageStatus.Completed);
        project.Stages.Single(s => s.Name == "narration").Status.Should().Be(StageStatus.Pending);
        project.PendingEvents.OfType<ProjectSubmitted>().Last().Attempt.Should().Be(2);
    }

    [Fact]
    public void Publishing_skips_platforms_already_published_or_pending_and_one_success_is_enough_after_failures_end()
    {
        var project = Queued();
        project.Apply(Rendered(project));
        project.RequestPublish(["youtube", "tiktok"], null, T0).Should().BeNull();

        project.RequestPublish(["youtube"], null, T0).Should().Contain("already");
        project.Apply(new VideoPublished { ProjectId = project.Id, Platform = "youtube", Url = "https://y" });
        project.Apply(new PublishFailed { ProjectId = project.Id, Platform = "tiktok", Reason = "denied" });

        project.Status.Should().Be(ProjectStatus.Published);
        project.Publications.Single(p => p.Platform == "tiktok").Status.Should().Be(PublicationStatus.Failed);
        project.RequestPublish(["tiktok"], null, T0).Should().BeNull("a failed platform can be requested again");
    }

    [Fact]
    public void Auto_publish_requests_the_configured_platforms_on_render()
    {
        var project = Queued(new VideoOptions { AutoPublish = true, Platforms = ["instagram"] });
        project.ClearPendingEvents();

        project.Apply(Rendered(project));

        project.Status.Should().Be(ProjectStatus.Publishing);
        project.PendingEvents.Should().ContainSingle().Which.Should().BeOfType<PublishRequested>().Which.Platforms.Should().Equal("instagram");
    }

    [Fact]
    public void Every_change_bumps_the_revision_and_no_op_events_do_not()
    {
        var project = Queued();
        var revision = project.Revision;

        project.Apply(Completed(project, "script", 10));
        var afterChange = project.Revision;
        project.Apply(Completed(project, "script", 10));

        afterChange.Should().Be(revision + 1);
        project.Revision.Should().Be(afterChange);
    }

    [Fact]
    public void A_long_topic_gets_a_title_of_at_most_100_characters() =>
        Project.DefaultTitle(new string('x', 150)).Length.Should().Be(Project.MaxTitleLength);
}
