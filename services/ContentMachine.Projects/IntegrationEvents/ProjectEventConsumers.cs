using ContentMachine.Contracts;

namespace ContentMachine.Projects.IntegrationEvents;

// One consumer per event the read model follows; each only routes the event to the project's own rules.

public sealed class RunStageStartedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<RunStageStartedConsumer> logger)
    : ProjectEventConsumer<RunStageStarted>(db, clock, logger)
{
    protected override bool Apply(Project project, RunStageStarted message) => project.Apply(message);
}

public sealed class RunStageCompletedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<RunStageCompletedConsumer> logger)
    : ProjectEventConsumer<RunStageCompleted>(db, clock, logger)
{
    protected override bool Apply(Project project, RunStageCompleted message) => project.Apply(message);
}

public sealed class ScriptGeneratedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<ScriptGeneratedConsumer> logger)
    : ProjectEventConsumer<ScriptGenerated>(db, clock, logger)
{
    protected override bool Apply(Project project, ScriptGenerated message) => project.Apply(message);
}

public sealed class VideoRenderedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<VideoRenderedConsumer> logger)
    : ProjectEventConsumer<VideoRendered>(db, clock, logger)
{
    protected override bool Apply(Project project, VideoRendered message) => project.Apply(message);
}

public sealed class RunFailedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<RunFailedConsumer> logger)
    : ProjectEventConsumer<RunFailed>(db, clock, logger)
{
    protected override bool Apply(Project project, RunFailed message) => project.Apply(message);
}

public sealed class RunCancelledConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<RunCancelledConsumer> logger)
    : ProjectEventConsumer<RunCancelled>(db, clock, logger)
{
    protected override bool Apply(Project project, RunCancelled message) => project.Apply(message);
}

public sealed class VideoPublishedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<VideoPublishedConsumer> logger)
    : ProjectEventConsumer<VideoPublished>(db, clock, logger)
{
    protected override bool Apply(Project project, VideoPublished message) => project.Apply(message);
}

public sealed class PublishFailedConsumer(ProjectsDbContext db, TimeProvider clock, ILogger<PublishFailedConsumer> logger)
    : ProjectEventConsumer<PublishFailed>(db, clock, logger)
{
    protected override bool Apply(Project project, PublishFailed message) => project.Apply(message);
}
