using ContentMachine.Contracts;

namespace ContentMachine.Cli.Commands;

/// <summary><c>cm new "topic" [--duration 45] [--archetype ..] [--voice ..] [--style ..] [--platform ..] [--draft] [--wait]</c>.</summary>
public static class NewCommand
{
    public static Command Create(CommandRunner runner)
    {
        var topic = new Argument<string>("topic") { Description = "What the video is about (3-200 characters)." };
        var duration = new Option<int?>("--duration", "-d") { Description = "Target length in seconds, 15-180 (default 45)." };
        var archetype = new Option<string?>("--archetype") { Description = $"Script shape: {string.Join(", ", Archetypes.All)}." }
            .AcceptOnlyFromAmong([.. Archetypes.All]);
        var voice = new Option<string?>("--voice") { Description = $"Narrator: {string.Join(", ", Voices.All)}." }.AcceptOnlyFromAmong([.. Voices.All]);
        var style = new Option<string?>("--style") { Description = $"Visual style: {string.Join(", ", VisualStyles.All)}." }
            .AcceptOnlyFromAmong([.. VisualStyles.All]);
        var platforms = new Option<string[]>("--platform") { Description = "Target platform (repeatable).", AllowMultipleArgumentsPerToken = true }
            .AcceptOnlyFromAmong([.. ContentMachine.Contracts.Platforms.All]);
        var draft = new Option<bool>("--draft") { Description = "Save it as a draft instead of queueing it." };
        var wait = new Option<bool>("--wait", "-w") { Description = "Follow the run stage by stage; exit 0 once rendered, 1 if it fails or is cancelled." };
        var cancelOnInterrupt = new Option<bool>("--cancel-on-interrupt") { Description = "With --wait: Ctrl+C also cancels the project (else it goes on)." };

        var command = new Command("new", "Create a project from a topic and queue it for rendering.")
        {
            topic, duration, archetype, voice, style, platforms, draft, wait, cancelOnInterrupt,
        };
        runner.Bind(command, async (ctx, ct) =>
        {
            if (ctx.Value(draft) && ctx.Value(wait))
                throw CliException.Usage("--wait follows a queued project, and a --draft is not queued; drop one of them.");
            var options = new ProjectOptionsRequest(ctx.Value(archetype), ctx.Value(duration), ctx.Value(voice), ctx.Value(style),
                ctx.Value(platforms) is { Length: > 0 } chosen ? chosen : null);
            var project = await ctx.Api.PostAsync<ProjectDetails>(ApiPaths.Projects, new CreateProjectRequest(ctx.Value(topic), options, ctx.Value(draft)), ct);
            if (!ctx.Value(wait))
            {
                if (ctx.Host.IsTerminal) ctx.Host.Console.MarkupLine($"Created project [bold]{project.Id}[/] ({Formats.Status(project.Status)}): {Markup.Escape(project.Title)}");
                else ctx.WriteLine(project.Id.ToString());
                return ExitCodes.Ok;
            }
            return await WaitAsync(ctx, project, ctx.Value(cancelOnInterrupt), ct);
        });
        return command;
    }

    private static async Task<int> WaitAsync(CommandContext ctx, ProjectDetails project, bool cancelOnInterrupt, CancellationToken ct)
    {
        var console = ctx.Host.Console;
        if (ctx.Host.IsTerminal) console.MarkupLine($"Project [bold]{project.Id}[/]: {Markup.Escape(project.Title)} (Ctrl+C stops waiting)");
        else ctx.WriteLine($"project {project.Id}: {project.Title}");
        Api.Events.StatusChanged end;
        try
        {
            end = await RunViews.ShowAsync(ctx.Host, view => ProjectWaiter.UntilRunEndsAsync(ctx.Api, project.Id, view, ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return await InterruptedAsync(ctx, project.Id, cancelOnInterrupt);
        }
        if (end.Status == ProjectStatuses.Cancelled) throw new CliException($"Project {project.Id} was cancelled.");
        if (end.IsStopped)
            throw new CliException($"Project {project.Id} failed at stage {end.FailedStage ?? "(unknown)"}: {end.Reason ?? "no reason given"}");

        var rendered = await ctx.Api.GetAsync<ProjectDetails>(ApiPaths.Project(project.Id), ct);
        var video = rendered.Video;
        var summary = video is null ? "" : $" {Formats.Seconds(video.DurationSeconds)}, {video.Width}x{video.Height}, {Formats.Bytes(video.SizeBytes)}.";
        if (ctx.Host.IsTerminal)
            console.MarkupLine($"[green]Rendered[/] {Markup.Escape(rendered.Title)}:{summary} Download it: [bold]cm download {project.Id}[/]");
        else ctx.WriteLine($"rendered {project.Id}:{summary}");
        foreach (var warning in rendered.Warnings) ctx.Host.ErrorConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        return ExitCodes.Ok;
    }

    private static async Task<int> InterruptedAsync(CommandContext ctx, Guid id, bool cancel)
    {
        if (!cancel)
        {
            ctx.Host.ErrorConsole.MarkupLine($"Stopped waiting; project {id} goes on (cm get {id}).");
            return ExitCodes.Interrupted;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await ctx.Api.SendJsonAsync(HttpMethod.Post, ApiPaths.Cancel(id), null, timeout.Token);
        ctx.Host.ErrorConsole.MarkupLine($"Stopped waiting and cancelled project {id}.");
        return ExitCodes.Interrupted;
    }
}
