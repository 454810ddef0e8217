namespace ContentMachine.Cli.Tests;

public sealed class DownloadTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cm-download-").FullName;

    [Fact]
    public async Task Download_follows_the_redirect_writes_the_exact_bytes_and_verifies_size_and_sha256()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway());
        var project = gateway.AddRendered("Downloaded");
        var file = Path.Combine(_folder, "video.mp4");

        var run = await Cm.RunAsync(gateway, "download", project.Id.ToString(), "-o", file);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.All);
        (await File.ReadAllBytesAsync(file)).Should().Equal(gateway.VideoBytes);
        run.Out.Should().Contain($"{gateway.VideoBytes.Length} bytes").And.Contain("sha256 verified");
        gateway.Requests.Select(r => r.Path).Should().Contain($"/api/storage/objects/projects/{project.Id}/outputs/final.mp4");
    }

    [Fact]
    public async Task A_download_whose_length_differs_from_the_recorded_size_fails_and_leaves_no_file()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway());
        var project = gateway.AddRendered("Truncated somewhere");
        project.ClaimedSize = gateway.VideoBytes.Length + 1;
        var file = Path.Combine(_folder, "video.mp4");

        var run = await Cm.RunAsync(gateway, "download", project.Id.ToString(), "-o", file);

        run.ExitCode.Should().Be(ExitCodes.Failed);
        run.Error.Should().Contain($"{gateway.VideoBytes.Length} bytes").And.Contain("not saved");
        Directory.EnumerateFiles(_folder).Should().BeEmpty();
    }

    [Fact]
    public async Task Captions_and_an_export_package_download_too_and_a_video_not_yet_rendered_exits_4()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway());
        var project = gateway.AddRendered("With extras");
        project.Publications.Add(("tiktok", "published", null));
        var queued = await Cm.RunAsync(gateway, "new", "Not rendered yet");

        var captions = await Cm.RunAsync(gateway, "download", project.Id.ToString(), "--captions", "-o", Path.Combine(_folder, "c.srt"));
        var package = await Cm.RunAsync(gateway, "download", project.Id.ToString(), "--package", "tiktok", "-o", Path.Combine(_folder, "p.zip"));
        var early = await Cm.RunAsync(gateway, "download", queued.Out.Trim());

        captions.ExitCode.Should().Be(ExitCodes.Ok, captions.All);
        (await File.ReadAllTextAsync(Path.Combine(_folder, "c.srt"))).Should().StartWith("1\n00:00:00,000 -->");
        package.ExitCode.Should().Be(ExitCodes.Ok, package.All);
        new FileInfo(Path.Combine(_folder, "p.zip")).Length.Should().Be(5000);
        early.ExitCode.Should().Be(ExitCodes.NotFound);
        early.Error.Should().Contain("has no video yet");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
