extern alias pipeline;

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ContentMachine.Contracts;
using pipeline::ContentMachine.Pipeline.Media;
using pipeline::ContentMachine.Pipeline.Media.Captions;
using pipeline::ContentMachine.Pipeline.Media.Narration;
using pipeline::ContentMachine.Pipeline.Media.Rendering;
using pipeline::ContentMachine.Pipeline.Media.Script;
using pipeline::ContentMachine.Pipeline.Media.Visuals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContentMachine.Bench;

/// <summary>The render stage's cost against bare ffmpeg. Inputs are built once per length (script, narration, captions,
/// backgrounds); then the same argument list is rendered through FfmpegRunner and by a plain Process.Start of ffmpeg,
/// alternating which goes first in each round so neither always runs on a warmer machine.</summary>
internal static class RenderBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var lengths = ListArgument(args, "--seconds", [30, 60]);
        var rounds = Arguments.Int(args, "--rounds", 3);
        var keep = args.Contains("--keep");
        var options = Options.Create(new MediaOptions());
        var runner = new FfmpegRunner(options, NullLogger<FfmpegRunner>.Instance);
        var summary = new List<string>();
        foreach (var seconds in lengths)
        {
            var folder = Directory.CreateTempSubdirectory($"cm-render-{seconds}s-").FullName;
            try
            {
                var (plan, videoSeconds) = await BuildInputsAsync(seconds, folder, runner, options);
                var arguments = FfmpegCommand.Render(plan);
                var ours = new List<double>();
                var bare = new List<double>();
                var oursCpu = new List<double>();
                var bareCpu = new List<double>();
                for (var round = 1; round <= rounds; round++)
                {
                    var oursFirst = round % 2 == 1;
                    for (var turn = 0; turn < 2; turn++)
                    {
                        var isOurs = (turn == 0) == oursFirst;
                        var cpuBefore = ChildCpu.Seconds();
                        var wall = isOurs ? await TimeAsync(() => runner.RunAsync(arguments, folder, CancellationToken.None))
                                          : await TimeAsync(() => BareAsync(arguments, folder));
                        var cpu = ChildCpu.Seconds() - cpuBefore;
                        (isOurs ? ours : bare).Add(wall);
                        (isOurs ? oursCpu : bareCpu).Add(cpu);
                        Console.WriteLine(Invariant($"{seconds} s video, round {round}, {(isOurs ? "FfmpegRunner" : "bare ffmpeg ")}: {wall,6:F2} s wall, {cpu,6:F2} s ffmpeg CPU, load {Load()}"));
                    }
                }
                var info = await new MediaProbe(runner, options).ProbeAsync(plan.OutputPath, CancellationToken.None);
                var size = new FileInfo(plan.OutputPath).Length / 1048576.0;
                summary.Add(Invariant($"{seconds,3} s target ({videoSeconds:F2} s video, {info.Width}x{info.Height} {info.VideoCodec}+{info.AudioCodec}, {size:F1} MB): ours median {Stats.Median(ours):F2} s ({videoSeconds / Stats.Median(ours):F2}x realtime), bare median {Stats.Median(bare):F2} s ({videoSeconds / Stats.Median(bare):F2}x realtime), ratio ours/bare {Stats.Median(ours) / Stats.Median(bare):F3} (target <= 1.15); ffmpeg CPU median ours {Stats.Median(oursCpu):F2} s, bare {Stats.Median(bareCpu):F2} s, ratio {Stats.Median(oursCpu) / Stats.Median(bareCpu):F3}"));
                if (keep) Console.WriteLine($"kept: {folder}");
            }
            finally
            {
                if (!keep) Directory.Delete(folder, recursive: true);
            }
        }
        Console.WriteLine();
        summary.ForEach(Console.WriteLine);
        return 0;
    }

    /// <summary>The pipeline's stages up to the render, timed one by one: script, narration per scene joined, captions,
    /// one background per scene.</summary>
    private static async Task<(RenderPlan Plan, double VideoSeconds)> BuildInputsAsync(int seconds, string folder, FfmpegRunner runner, IOptions<MediaOptions> options)
    {
        var clock = Stopwatch.StartNew();
        var request = new ScriptRequest("Why octopuses are smarter than you think", new VideoOptions { DurationSeconds = seconds });
        var script = await new TemplateScriptWriter(NullLogger<TemplateScriptWriter>.Instance).WriteAsync(request, CancellationToken.None);
        var scriptMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var narrator = new EspeakNarrator(options, NullLogger<EspeakNarrator>.Instance);
        var scenes = new List<SceneNarration>();
        foreach (var scene in script.Scenes)
            scenes.Add(await narrator.NarrateAsync(new NarrationRequest(scene.Text, Voices.Default, "en", Path.Combine(folder, $"scene{scene.Sequence}.wav")), CancellationToken.None));
        var track = NarrationTrack.Concat(scenes, options.Value.SceneGapMs, Path.Combine(folder, "narration.wav"));
        var narrationMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var assPath = Path.Combine(folder, "captions.ass");
        await File.WriteAllTextAsync(assPath, AssDocument.Write(CaptionTimeline.Build(track.Words)));
        var captionsMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var painter = new BackgroundPainter(runner, NullLogger<BackgroundPainter>.Instance);
        await Task.WhenAll(script.Scenes.Select((_, i) => painter.PaintAsync(request.Topic, i, Path.Combine(folder, $"bg{i}.png"), CancellationToken.None)));
        var visualsMs = clock.Elapsed.TotalMilliseconds;

        var durations = NarrationTrack.SceneDurations(track.SceneStartMs, track.DurationMs);
        var plan = new RenderPlan(durations.Select((d, i) => new RenderScene($"bg{i}.png", VisualKind.Image, d)).ToList(),
            "narration.wav", "captions.ass", Path.Combine(folder, "final.mp4"), new RenderSettings());
        Console.WriteLine(Invariant($"{seconds} s target: \"{script.Title}\", {script.Scenes.Count} scenes, {script.WordCount} words -> {track.DurationMs / 1000.0:F2} s of narration; inputs: script {scriptMs:F0} ms, narration {narrationMs:F0} ms, captions {captionsMs:F0} ms, backgrounds {visualsMs:F0} ms"));
        return (plan, plan.TotalSeconds);
    }

    /// <summary>The machine's 1-minute load average: other work on the same cores shows up in wall times.</summary>
    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static async Task BareAsync(IReadOnlyList<string> arguments, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", arguments) { WorkingDirectory = folder, UseShellExecute = false })!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"bare ffmpeg exited with {process.ExitCode}");
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalSeconds;
    }

    private static IReadOnlyList<int> ListArgument(string[] args, string name, int[] fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length
            ? args[i + 1].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList()
            : fallback;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>CPU time (user + system) of this process's finished children, from getrusage(RUSAGE_CHILDREN): the
/// difference across one render is that ffmpeg's own CPU, which other load on the machine barely changes.</summary>
internal static partial class ChildCpu
{
    public static double Seconds()
    {
        if (GetRusage(-1, out var usage) != 0) return double.NaN;
        return usage.UserSeconds + usage.UserMicros / 1e6 + usage.SystemSeconds + usage.SystemMicros / 1e6;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out Rusage usage);
}
