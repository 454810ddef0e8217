namespace ContentMachine.Pipeline.Tests;

public class FfmpegCommandTests
{
    private static RenderPlan Plan(RenderSettings? settings = null, params RenderScene[] scenes) =>
        new(scenes.Length > 0 ? scenes : [new("a.png", VisualKind.Image, 3), new("b.png", VisualKind.Image, 4), new("clip.mp4", VisualKind.Video, 5)],
            "narration.wav", "captions.ass", "out.mp4", settings ?? new RenderSettings());

    private static string Graph(IReadOnlyList<string> args) => args[args.ToList().IndexOf("-filter_complex") + 1];

    private static string After(IReadOnlyList<string> args, string option) => args[args.ToList().LastIndexOf(option) + 1];

    [Fact]
    public void Every_scene_and_the_narration_are_inputs_in_order()
    {
        var args = FfmpegCommand.Render(Plan());

        args.Where((a, i) => i > 0 && args[i - 1] == "-i").Should().Equal("a.png", "b.png", "clip.mp4", "narration.wav");
        var clip = args.ToList().IndexOf("clip.mp4");
        args.Skip(clip - 5).Take(4).Should().Equal("-stream_loop", "-1", "-t", "6"); // a clip shorter than its scene loops; 1 s headroom
        args[^1].Should().Be("out.mp4");
    }

    [Fact]
    public void Stills_zoom_clips_are_scaled_and_cropped_and_scenes_are_joined_by_xfade()
    {
        var graph = Graph(FfmpegCommand.Render(Plan()));

        System.Text.RegularExpressions.Regex.Matches(graph, "zoompan=").Should().HaveCount(2);
        graph.Should().Contain("[2:v]scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920");
        System.Text.RegularExpressions.Regex.Matches(graph, "xfade=").Should().HaveCount(2, "scenes - 1 transitions");
        graph.Should().Contain("xfade=transition=fade:duration=0.3:offset=3[x1]").And.Contain("offset=7[x2]");
        graph.Should().Contain("[x2]ass=filename=captions.ass");
        graph.Should().Contain("[3:a]apad[aout]");
    }

    [Fact]
    public void Scenes_before_a_transition_are_lengthened_by_it_so_the_total_is_exact()
    {
        var frames = SceneFrames.Plan(Plan().Scenes, new RenderSettings());

        frames.StartFrames.Should().Equal(0, 90, 210);
        frames.InputFrames.Should().Equal(99, 129, 150);
        frames.TransitionFrames.Should().Be(9);
        frames.TotalFrames.Should().Be(360);
        (frames.InputFrames.Sum() - 2 * frames.TransitionFrames).Should().Be(frames.TotalFrames);
        Graph(FfmpegCommand.Render(Plan())).Should().Contain(":d=99:s=1080x1920:fps=30").And.Contain("trim=end_frame=150");
    }

    [Fact]
    public void The_encoder_settings_come_from_the_plan()
    {
        var args = FfmpegCommand.Render(Plan(new RenderSettings(Width: 540, Height: 960, Fps: 25, Preset: "ultrafast", Crf: 28, AudioBitrateK: 96)));

        After(args, "-c:v").Should().Be("libx264");
        After(args, "-preset").Should().Be("ultrafast");
        After(args, "-crf").Should().Be("28");
        After(args, "-pix_fmt").Should().Be("yuv420p");
        After(args, "-r").Should().Be("25");
        After(args, "-c:a").Should().Be("aac");
        After(args, "-b:a").Should().Be("96k");
        After(args, "-movflags").Should().Be("+faststart");
        After(args, "-t").Should().Be("12", "the video lasts the scenes' total, which is the narration's length");
        Graph(args).Should().Contain("s=540x960").And.Contain("scale=540:960");
        args.Should().NotContain(a => a.Contains("1080"));
    }

    [Fact]
    public void One_scene_needs_no_transition_and_zero_transition_concatenates()
    {
        Graph(FfmpegCommand.Render(Plan(null, new RenderScene("a.png", VisualKind.Image, 2)))).Should().NotContain("xfade").And.Contain("[v0]ass=");
        Graph(FfmpegCommand.Render(Plan(new RenderSettings(TransitionSeconds: 0))))
            .Should().NotContain("xfade").And.Contain("[v0][v1][v2]concat=n=3:v=1:a=0[vj]");
    }

    [Fact]
    public void A_caption_path_with_filter_syntax_characters_is_escaped_for_both_levels()
    {
        FilterEscaping.OptionValue("/tmp/run 1/it's:a,b[c].ass").Should().Be(@"/tmp/run 1/it\\\'s\\:a\,b\[c\].ass");
    }

    [Fact]
    public void The_cover_is_one_high_quality_frame_at_the_given_time()
    {
        FfmpegCommand.Cover("final.mp4", 1.5, "cover.jpg").Should().ContainInOrder("-ss", "1.5", "-i", "final.mp4", "-frames:v", "1", "cover.jpg");
    }
}
