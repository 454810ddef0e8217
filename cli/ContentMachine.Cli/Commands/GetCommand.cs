namespace ContentMachine.Cli.Commands;

/// <summary><c>cm get &lt;id&gt; [--json]</c>: status, stages, scenes, video, warnings and publications.</summary>
public static class GetCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<Guid>("id") { Description = "The project's id." };
        var json = GlobalOptions.Json();
        var command = new Command("get", "Show a project: status, stages, scenes, outputs, warnings and publications.") { id, json };
        runner.Bind(command, async (ctx, ct) =>
        {
            var project = await ctx.Api.GetJsonAsync(ApiPaths.Project(ctx.Value(id)), ct);
            if (ctx.Value(json)) ctx.WriteJson(project);
            else ProjectRenderer.Render(ctx.Host.Console, ApiJson.Read<ProjectDetails>(project));
            return ExitCodes.Ok;
        });
        return command;
    }
}
