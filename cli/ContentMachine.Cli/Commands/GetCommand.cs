namespace ContentMachine.Cli.Commands;

/// <summary><c>cm get &lt;id&gt; [--json]</c>: status, stages, scenes, video, warnings and publications.</summary>
public static class GetCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<Guid>("id") { Description = "The project's id." };
        return runner.Query<ProjectDetails>(new Command("get", "Show a project: status, stages, scenes, outputs, warnings and publications.") { id },
            ctx => ApiPaths.Project(ctx.Value(id)), ProjectRenderer.Render);
    }
}
