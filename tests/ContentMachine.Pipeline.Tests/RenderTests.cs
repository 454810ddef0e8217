namespace ContentMachine.Pipeline.Tests;

/// <summary>Real ffmpeg: a small render verified with ffprobe, and cancellation.</summary>
public class RenderTests
{
    [Fact]
    public async Task Three_scenes_with_captions_render_to_h264_and_aac_of_the_narrations_length()
    {
        using var folder = new TempFolder();
        var runner = Media.Runner();
        var narrator = Media.Narrator();
        var scenes = new List<SceneNarration>();
        foreach (var (text, i) in new[] { "Three quick facts.", "Cats purr to heal.", "Follow for more." }.Select((t, i) => (t, i)))
            scenes.Add(await narrator.NarrateAsync(new NarrationRequest(text, Voices.Default, "en", folder.File($"n{i}.wav")), CancellationToken.None));
        var track = NarrationTrack.Concat(scenes, 150, folder.File("narration.wav"));
        await File.WriteAllTextAsync(folder.File("captions.ass"), AssDocument.Write(CaptionTimeline.Build(track.Words), 540, 960));
        var painter = Media.Painter(runner, 594, 1056);
        await painter.PaintAsync("cats", 0, folder.File("bg0.png"), CancellationToken.None);
        await painter.PaintAsync("cats", 1, folder.File("bg1.png"), CancellationToken.None);
        // The third scene is a clip, as a user's upload would be: landscape, so it must be cropped to 9:16.
        await runner.RunAsync(["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=640x360:r=25:d=1", "-pix_fmt", "yuv420p", "clip.mp4"],
            folder.Path, CancellationToken.None);
        var durations = NarrationTrack.SceneDurations(track.SceneStartMs, track.DurationMs);
        var plan = new RenderPlan(
            [new("bg0.png", VisualKind.Image, durations[0]), new("bg1.png", VisualKind.Image, durations[1]), new("clip.mp4", VisualKind.Video, durations[2])],
            "narration.wav", "captions.ass", "final.mp4", new RenderSettings(540, 960));

        await runner.RunAsync(FfmpegCommand.Render(plan), folder.Path, CancellationToken.None);
        var info = await Media.Probe(runner).ProbeAsync(folder.File("final.mp4"), CancellationToken.None);

        info.VideoCodec.Should().Be("h264");
        info.AudioCodec.Should().Be("aac");
        (info.Width, info.Height).Should().Be((540, 960));
        info.FrameRate.Should().Be(30);
        info.DurationSeconds.Should().BeApproximately(track.DurationMs / 1000.0, 0.2);
        await runner.RunAsync(FfmpegCommand.Cover("final.mp4", 1, "cover.jpg"), folder.Path, CancellationToken.None);
        new FileInfo(folder.File("cover.jpg")).Length.Should().BeGreaterThan(1000);
    }

    [Fact]
    public async Task A_background_is_one_png_slightly_larger_than_the_frame()
    {
        using var folder = new TempFolder();
        var runner = Media.Runner();

        await Media.Painter(runner).PaintAsync("volcanoes", 2, folder.File("bg.png"), CancellationToken.None);
        var info = await Media.Probe(runner).ProbeAsync(folder.File("bg.png"), CancellationToken.None);

        (info.Width, info.Height).Should().Be((1188, 2112));
        info.VideoCodec.Should().Be("png");
    }

    [Fact]
    public async Task Cancelling_kills_ffmpeg_by_pid_rather_than_waiting_for_it()
    {
        using var folder = new TempFolder();
        var runner = Media.Runner();
        var pid = 0;
        runner.ProcessStarted += p => pid = p;
        using var cts = new CancellationTokenSource();
        var render = runner.RunAsync(["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=1080x1920:r=30", "-c:v", "libx264", "-preset", "medium", "-f", "null", "-"],
            folder.Path, cts.Token);
        var deadline = Stopwatch.StartNew();
        while (pid == 0 && deadline.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(20);
        await Task.Delay(500);
        pid.Should().NotBe(0);
        runner.RunningProcessIds.Should().Contain(pid);

        // The source never ends, so the call returning at all means ffmpeg was killed (how fast is for benchmarks, not
        // for a test on a shared machine).
        await cts.CancelAsync();
        await render.Invoking(r => r).Should().ThrowAsync<OperationCanceledException>();

        runner.RunningProcessIds.Should().BeEmpty();
        IsAlive(pid).Should().BeFalse("the killed ffmpeg is gone, not left as an orphan");
    }

    [Fact]
    public async Task A_failing_ffmpeg_reports_its_exit_code_and_stderr()
    {
        using var folder = new TempFolder();

        var act = () => Media.Runner().RunAsync(["-hide_banner", "-i", "missing-input.png", "out.mp4"], folder.Path, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<FfmpegException>()).Which;
        error.ExitCode.Should().NotBe(0);
        error.StandardErrorTail.Should().Contain("missing-input.png");
    }

    private static bool IsAlive(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);
}
