using ContentMachine.Contracts;
using ContentMachine.ServiceDefaults.Messaging;
using ContentMachine.ServiceDefaults.Messaging.Outbox;

namespace ContentMachine.ServiceDefaults.Tests;

public class IntegrationEventTypesTests
{
    public static TheoryData<IntegrationEvent> Samples()
    {
        var project = Guid.NewGuid();
        var run = Guid.NewGuid();
        return new TheoryData<IntegrationEvent>
        {
            new ProjectSubmitted { ProjectId = project, RunId = run, Attempt = 2, Topic = "t", Title = "T", Options = new VideoOptions { Platforms = ["youtube"], MediaIds = [Guid.NewGuid()] } },
            new ProjectCancellationRequested { ProjectId = project, RunId = run, Attempt = 1 },
            new ProjectDeleted { ProjectId = project },
            new PublishRequested { ProjectId = project, Platforms = ["tiktok"], VideoKey = "v", Title = "T", PublishAt = DateTimeOffset.UtcNow.AddDays(1) },
            new RunStageStarted { ProjectId = project, RunId = run, Attempt = 1, Stage = "script" },
            new RunStageCompleted { ProjectId = project, RunId = run, Attempt = 1, Stage = "script", ProgressPercent = 15, DurationSeconds = 0.4 },
            new ScriptGenerated { ProjectId = project, RunId = run, Attempt = 1, Title = "T", Scenes = [new SceneScript(1, "text", 5, "prompt")] },
            new VideoRendered { ProjectId = project, RunId = run, Attempt = 1, VideoKey = "v", CoverKey = "c", DurationSeconds = 30, Width = 1080, Height = 1920, SizeBytes = 9, Sha256 = "s" },
            new RunFailed { ProjectId = project, RunId = run, Attempt = 1, Stage = "render", Reason = "ffmpeg exited 1", Retryable = true },
            new RunCancelled { ProjectId = project, RunId = run, Attempt = 1 },
            new RunQueued { ProjectId = project, RunId = run, Attempt = 2 },
            new DuplicateSuspected { ProjectId = project, RunId = run, Attempt = 1, SimilarProjectId = Guid.NewGuid(), Score = 0.94, SimilarTitle = "Bees" },
            new VideoPublished { ProjectId = project, Platform = "youtube", Url = "https://y", PlatformId = "abc" },
            new PublishFailed { ProjectId = project, Platform = "youtube", Reason = "quota" },
        };
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_contract_survives_the_outbox_round_trip(IntegrationEvent message)
    {
        var row = OutboxMessage.From(message);

        var back = IntegrationEventTypes.Deserialize(row.MessageType, row.Payload);

        back.Should().BeOfType(message.GetType()).And.BeEquivalentTo(message, o => o.RespectingRuntimeTypes());
        row.EventId.Should().Be(message.EventId);
        row.ProjectId.Should().Be(message.ProjectId);
    }

    [Fact]
    public void Every_integration_event_is_covered_by_the_round_trip()
    {
        ((IEnumerable<object[]>)Samples()).Select(s => s[0].GetType()).Should().BeEquivalentTo(IntegrationEventTypes.All);
    }

    [Fact]
    public void An_unknown_type_is_reported_by_name()
    {
        FluentActions.Invoking(() => IntegrationEventTypes.Deserialize("ProjectTeleported", "{}"))
            .Should().Throw<UnknownEventTypeException>().WithMessage("*ProjectTeleported*");
    }
}
