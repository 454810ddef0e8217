using System.Globalization;

namespace ContentMachine.Cli.Commands;

/// <summary><c>cm publish &lt;id&gt; --platform tiktok [--platform youtube] [--at 2026-12-01T18:00:00Z] [--wait]</c>.</summary>
public static class PublishCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<Guid>("id") { Description = "The project's id (it must be rendered)." };
        var platforms = new Option<string[]>("--platform", "-p")
        {
            Description = "Where to publish (repeatable): youtube uploads; tiktok and instagram make export packages (cm download <id> --package tiktok).",
            Required = true, AllowMultipleArgumentsPerToken = true,
        }.AcceptOnlyFromAmong([.. ContentMachine.Contracts.Platforms.All]);
        var at = new Option<string?>("--at") { Description = "When to publish: a future ISO 8601 time (e.g. 2026-12-01T18:00:00Z); now when omitted." };
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait until each publication is published, failed or scheduled; exit 1 if any failed." };
        var command = new Command("publish", "Publish a rendered video to platforms, now or later.") { id, platforms, at, wait };
        runner.Bind(command, async (ctx, ct) =>
        {
            var projectId = ctx.Value(id);
            var chosen = ctx.Value(platforms).Select(p => p.ToLowerInvariant()).Distinct().ToList();
            var publishAt = ctx.Value(at) is { } text ? ParseTime(text) : (DateTimeOffset?)null;
            var project = await ctx.Api.PostAsync<ProjectDetails>(ApiPaths.Publish(projectId), new PublishRequest(chosen, publishAt), ct);
            var when = publishAt is { } t ? $" at {t:u}" : "";
            if (ctx.Host.IsTerminal) ctx.Host.Console.MarkupLineInterpolated($"Publishing {project.Title} to {string.Join(", ", chosen)}{when} ({project.Status}).");
            else ctx.WriteLine($"publishing {projectId} to {string.Join(", ", chosen)}{when}");
            if (!ctx.Value(wait)) return ExitCodes.Ok;

            var settled = await RunViews.ShowAsync(ctx.Host, view => ProjectWaiter.UntilPublicationsSettleAsync(ctx.Api, projectId, chosen, view, ct));
            foreach (var p in settled.Where(p => p.Status != "failed"))
                ctx.WriteLine($"{p.Platform}: {p.Status}" + (p.Url is { } url ? $" {url}" : "") + (p.ScheduledFor is { } s ? $" for {s:u}" : ""));
            if (settled.FirstOrDefault(p => p.Status == "failed") is { } failed)
                throw new CliException($"Publishing to {failed.Platform} failed: {failed.Error ?? "no reason given"} (cm get {projectId})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw CliException.Usage($"--at {text}: not a time; use ISO 8601, e.g. 2026-12-01T18:00:00Z.");
}
