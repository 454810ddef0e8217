namespace ContentMachine.Cli.Commands;

/// <summary><c>cm download &lt;id&gt; [-o file.mp4] [--cover | --captions | --package tiktok]</c>.</summary>
public static class DownloadCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<Guid>("id") { Description = "The project's id." };
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: <id>.mp4, .jpg, .srt or <id>-<platform>.zip)." };
        var cover = new Option<bool>("--cover") { Description = "The cover image (JPEG) instead of the video." };
        var captions = new Option<bool>("--captions") { Description = "The captions (SRT) instead of the video." };
        var package = new Option<string?>("--package") { Description = "The export package (ZIP) made for this platform: tiktok or instagram." }
            .AcceptOnlyFromAmong([.. ContentMachine.Contracts.Platforms.All]);
        var command = new Command("download", "Download a rendered video (verified against its recorded size and sha256), its cover, captions or an export package.")
        {
            id, output, cover, captions, package,
        };
        runner.Bind(command, async (ctx, ct) =>
        {
            var projectId = ctx.Value(id);
            if (new[] { ctx.Value(cover), ctx.Value(captions), ctx.Value(package) is not null }.Count(x => x) > 1)
                throw CliException.Usage("Choose one of --cover, --captions and --package.");
            var target = ctx.Value(package) is { } platform
                ? await PackageAsync(ctx.Api, projectId, platform, ct)
                : RenderedOutput(await ctx.Api.GetAsync<ProjectDetails>(ApiPaths.Project(projectId), ct), ctx.Value(cover), ctx.Value(captions));
            var file = Path.GetFullPath(ctx.Value(output) ?? target.DefaultFileName);
            var result = await FileDownloader.DownloadAsync(ctx.Host, ctx.Api, target, file, ct);
            var verified = result.Sha256Verified ? "size and sha256 verified" : "size verified";
            if (ctx.Host.IsTerminal) ctx.Host.Console.MarkupLineInterpolated($"[green]Saved[/] {result.Path} ({Formats.Bytes(result.Bytes)}, {verified})");
            else ctx.WriteLine($"saved {result.Path} ({result.Bytes} bytes, {verified})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static DownloadTarget RenderedOutput(ProjectDetails project, bool cover, bool captions)
    {
        if (project.Video is not { } video)
            throw new CliException($"Project {project.Id} has no video yet: it is {project.Status}.", ExitCodes.NotFound);
        if (cover) return new DownloadTarget(video.CoverUrl, "cover", $"{project.Id}.jpg");
        if (captions)
        {
            var folder = video.VideoKey[..(video.VideoKey.LastIndexOf('/') + 1)];
            return new DownloadTarget(ApiPaths.StorageObject(folder + "captions.srt"), "captions", $"{project.Id}.srt");
        }
        return new DownloadTarget(ApiPaths.Video(project.Id), "video", $"{project.Id}.mp4", video.SizeBytes, video.Sha256);
    }

    private static async Task<DownloadTarget> PackageAsync(ApiClient api, Guid projectId, string platform, CancellationToken ct)
    {
        var publications = await api.GetAsync<IReadOnlyList<Publication>>(ApiPaths.Publications(projectId), ct);
        var publication = publications.FirstOrDefault(p => string.Equals(p.Platform, platform, StringComparison.OrdinalIgnoreCase))
            ?? throw new CliException($"Project {projectId} has no {platform} publication; publish it first: cm publish {projectId} --platform {platform}", ExitCodes.NotFound);
        if (publication.ExportKey is null)
            throw new CliException($"The {platform} publication has no export package (it is {publication.Status}"
                + (publication.Mode == "export" ? ")." : $", an {publication.Mode})."), ExitCodes.NotFound);
        return new DownloadTarget(ApiPaths.Package(publication.Id), $"{platform} package", $"{projectId}-{platform}.zip");
    }
}
