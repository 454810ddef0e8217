using Npgsql;

namespace ContentMachine.EndToEnd.Tests;

/// <summary>Topic to video through the gateway on the real stack: the pipeline's stages, its output as a viewer sees
/// it, the user's own media, cancellation mid-render and a replica killed mid-render.</summary>
[Collection(StackCollection.Name)]
public class PipelineTests(StackFixture fixture)
{
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromMinutes(4);

    private HttpClient Gateway => fixture.Gateway;

    private sealed record SpokenWord(string Word, int StartMs, int EndMs)
    {
        public double MidSeconds => (StartMs + EndMs) / 2000.0;
    }

    private sealed record Track(IReadOnlyList<SpokenWord> Words, IReadOnlyList<int> SceneStartMs, int DurationMs);

    [Fact]
    public async Task A_topic_alone_becomes_a_vertical_captioned_video_whose_captions_move_with_the_voice()
    {
        var (id, runId) = await CreateAsync(new { topic = "Why octopuses have three hearts" });
        var project = await WaitForStatusAsync(id, "rendered");
        using var folder = new TempFolder();
        var video = Path.Combine(folder.Path, "video.mp4");
        await DownloadAsync($"/api/projects/{id}/video", video);
        var track = await TrackAsync(id, runId);

        var probe = await MediaTools.ProbeAsync(video);
        probe.Should().BeEquivalentTo(new { Width = 1080, Height = 1920, VideoCodec = "h264", AudioCodec = "aac" });
        probe.DurationSeconds.Should().BeApproximately(track.DurationMs / 1000.0, 0.2, "the video is as long as its narration");
        project.GetProperty("video").GetProperty("width").GetInt32().Should().Be(1080);
        project.GetProperty("scenes").GetArrayLength().Should().BeGreaterThan(2);
        var srt = await Gateway.GetStringAsync($"/api/storage/objects/projects/{id}/outputs/captions.srt");
        srt.Should().StartWith("1\n00:00:").And.Contain(" --> ").And.Contain(track.Words[1].Word);

        // Two consecutive words said well inside one scene: between them, the caption band changes (the highlighted
        // word moves on) while the picture elsewhere stays nearly the same.
        var (first, second) = ConsecutiveWordsInsideAScene(track);
        const int w = 270, h = 480, band = 30;
        var a = await MediaTools.FrameAsync(video, first.MidSeconds, w, h);
        var b = await MediaTools.FrameAsync(video, second.MidSeconds, w, h);
        var bands = MediaTools.BandDifferences(a, b, w, h, band);
        var median = bands.Order().ElementAt(bands.Length / 2);
        bands.Max().Should().BeGreaterThan(2.0, $"the captions change between '{first.Word}' and '{second.Word}' (band differences {string.Join(", ", bands.Select(d => d.ToString("F2")))})");
        bands.Max().Should().BeGreaterThan(4 * median + 0.5, "the change is the captions, not the whole picture");
    }

    [Fact]
    public async Task A_project_made_from_two_uploaded_images_shows_them_scene_by_scene()
    {
        using var folder = new TempFolder();
        var red = await UploadSolidImageAsync(folder, "0xE02020");
        var blue = await UploadSolidImageAsync(folder, "0x2040E0");

        var (id, runId) = await CreateAsync(new { topic = "Red and blue, a short story", options = new { durationSeconds = 15, mediaIds = new[] { red, blue } } });
        await WaitForStatusAsync(id, "rendered");
        var video = Path.Combine(folder.Path, "video.mp4");
        await DownloadAsync($"/api/projects/{id}/video", video);
        var track = await TrackAsync(id, runId);

        const int w = 54, h = 96;
        for (var scene = 0; scene < Math.Min(3, track.SceneStartMs.Count); scene++)
        {
            var end = scene + 1 < track.SceneStartMs.Count ? track.SceneStartMs[scene + 1] : track.DurationMs;
            var frame = await MediaTools.FrameAsync(video, (track.SceneStartMs[scene] + end) / 2000.0, w, h);
            var (r, _, b) = MediaTools.MeanColour(frame, w, 0, h * 4 / 10); // above the captions
            if (scene % 2 == 0) r.Should().BeGreaterThan(b + 80, $"scene {scene + 1} shows the red image");
            else b.Should().BeGreaterThan(r + 80, $"scene {scene + 1} shows the blue image");
        }
    }

    [Fact]
    public async Task Cancelling_mid_render_stops_ffmpeg_and_removes_the_runs_temporary_folder()
    {
        var (id, runId) = await CreateAsync(new { topic = "Cancelled while rendering", options = new { durationSeconds = 30 } });
        await WaitForRunAsync(id, run => Text(run, "stage") == "render" && Text(run, "status") == "running");

        (await Gateway.PostAsync($"/api/projects/{id}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await WaitForStatusAsync(id, "cancelled");
        await WaitForRunAsync(id, run => Text(run, "status") == "cancelled");

        var folderPrefix = runId.ToString("N");
        await EventuallyAsync(() => MediaTools.ProcessesMentioning("ffmpeg", folderPrefix).Count == 0 && !RunFolders(runId).Any(),
            TimeSpan.FromSeconds(3), "ffmpeg is stopped and the run's folder removed");
        (await Gateway.GetFromJsonAsync<JsonElement>($"/api/projects/{id}")).GetProperty("status").GetString().Should().Be("cancelled");
    }

    [Fact]
    public async Task A_replica_killed_mid_render_hands_the_run_over_and_exactly_one_video_results()
    {
        var (id, _) = await CreateAsync(new { topic = "Survives a crash", options = new { durationSeconds = 30 } });
        var run = await WaitForRunAsync(id, r => Text(r, "stage") == "render" && Text(r, "status") == "running");
        var worker = run.GetProperty("worker").GetString()!;
        var holder = fixture.Stack.Snapshot(worker);

        System.Diagnostics.Process.GetProcessById(holder.Pid!.Value).Kill(); // SIGKILL, by PID: the message stays unacknowledged
        await WaitForStatusAsync(id, "rendered");
        var finished = await WaitForRunAsync(id, r => Text(r, "status") == "succeeded");

        var stages = finished.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        stages["script"].GetProperty("tries").GetInt32().Should().Be(1, "completed stages are not redone");
        stages["narration"].GetProperty("tries").GetInt32().Should().Be(1);
        stages["render"].GetProperty("tries").GetInt32().Should().Be(2, "the render started again after the crash");
        finished.GetProperty("attempt").GetInt32().Should().Be(1);
        (await CountEmittedAsync("VideoRendered", id)).Should().Be(1, "exactly one video is announced");
        // The killed replica's ffmpeg was an orphan (killed by the AppHost) and its folder went when it came back.
        await fixture.Stack.WaitForAsync(worker, s => s.State == ResourceState.Running, new CancellationTokenSource(RenderTimeout).Token);
        await EventuallyAsync(() => MediaTools.ProcessesMentioning("ffmpeg", run.GetProperty("id").GetGuid().ToString("N")).Count == 0
            && !RunFolders(run.GetProperty("id").GetGuid()).Any(), TimeSpan.FromSeconds(10), "nothing of the killed replica's work is left");
        (await Gateway.GetFromJsonAsync<JsonElement>($"/api/projects/{id}")).GetProperty("video").GetProperty("height").GetInt32().Should().Be(1920);
    }

    [Fact]
    public async Task A_stage_that_cannot_succeed_fails_the_run_and_the_project_names_the_stage_and_the_reason()
    {
        var missing = Guid.NewGuid();

        var (id, _) = await CreateAsync(new { topic = "Made from an upload that is not there", options = new { durationSeconds = 15, mediaIds = new[] { missing } } });
        var project = await WaitForStatusAsync(id, "failed");

        var failure = project.GetProperty("failure");
        failure.GetProperty("stage").GetString().Should().Be("visuals");
        failure.GetProperty("reason").GetString().Should().Contain(missing.ToString());
        var run = await WaitForRunAsync(id, r => Text(r, "status") == "failed");
        run.GetProperty("stages").EnumerateArray().Single(s => Text(s, "name") == "visuals").GetProperty("tries").GetInt32()
            .Should().Be(1, "a failure no retry can fix is not retried");
    }

    [Fact]
    public async Task A_script_too_close_to_an_existing_project_fails_before_rendering_when_the_options_say_so()
    {
        var topic = $"Duplicate detection drill {Guid.NewGuid():N}"[..34];
        var options = new { durationSeconds = 15, seed = 11 };
        var (original, _) = await CreateAsync(new { topic, options });
        await EventuallyAsync(async () => (await Gateway.GetFromJsonAsync<JsonElement>($"/api/projects/{original}")).GetProperty("scenes").GetArrayLength() > 0
            && (await Gateway.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(topic)}")).GetProperty("results")
                .EnumerateArray().Any(r => r.GetProperty("projectId").GetGuid() == original && Text(r, "status") != "submitted"), RenderTimeout,
            "the first script is indexed (scripted, or already rendered)");
        await Gateway.PostAsync($"/api/projects/{original}/cancel", null); // its script is all this test needs

        var (copy, _) = await CreateAsync(new { topic, options = new { durationSeconds = 15, seed = 11, onDuplicate = "fail" } });
        var project = await WaitForStatusAsync(copy, "failed");

        project.GetProperty("failure").GetProperty("stage").GetString().Should().Be("render");
        project.GetProperty("failure").GetProperty("reason").GetString().Should().Contain(original.ToString()).And.Contain("similar");
    }

    /// <summary>The run's temporary folders, under whichever replica's folder they are.</summary>
    private IEnumerable<string> RunFolders(Guid runId) =>
        Directory.Exists(fixture.PipelineWorkDirectory)
            ? Directory.EnumerateDirectories(fixture.PipelineWorkDirectory, "*", SearchOption.AllDirectories)
                .Where(d => Path.GetFileName(d).StartsWith(runId.ToString("N"), StringComparison.Ordinal))
            : [];

    /// <summary>A string property; the APIs leave out null ones.</summary>
    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static (SpokenWord First, SpokenWord Second) ConsecutiveWordsInsideAScene(Track track)
    {
        bool Inside(SpokenWord w) => track.SceneStartMs.All(s => Math.Abs(w.StartMs - s) > 600 && Math.Abs(w.EndMs - s) > 600)
                               && track.DurationMs - w.EndMs > 600;
        for (var i = 1; i + 1 < track.Words.Count; i++)
        {
            var (a, b) = (track.Words[i], track.Words[i + 1]);
            if (Inside(a) && Inside(b) && a.EndMs - a.StartMs >= 150 && b.EndMs - b.StartMs >= 150
                && track.SceneStartMs.Count(s => s <= a.StartMs) == track.SceneStartMs.Count(s => s <= b.StartMs))
                return (a, b);
        }
        throw new InvalidOperationException("No two consecutive words inside one scene.");
    }

    private async Task<(Guid Id, Guid RunId)> CreateAsync(object body)
    {
        var created = await Gateway.PostAsJsonAsync("/api/projects", body);
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var project = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (project.GetProperty("id").GetGuid(), project.GetProperty("runId").GetGuid());
    }

    private async Task<JsonElement> WaitForStatusAsync(Guid id, string status)
    {
        JsonElement project = default;
        await EventuallyAsync(async () =>
        {
            project = await Gateway.GetFromJsonAsync<JsonElement>($"/api/projects/{id}");
            var now = project.GetProperty("status").GetString();
            if (now == "failed" && status != "failed") throw new InvalidOperationException($"The project failed: {project}");
            return now == status;
        }, RenderTimeout, $"project {id} becomes {status}", () => project.ToString());
        return project;
    }

    private async Task<JsonElement> WaitForRunAsync(Guid projectId, Func<JsonElement, bool> condition)
    {
        JsonElement run = default;
        await EventuallyAsync(async () =>
        {
            var runs = await Gateway.GetFromJsonAsync<JsonElement>($"/api/pipeline/runs?projectId={projectId}");
            if (runs.GetArrayLength() == 0) return false;
            run = runs[0];
            return condition(run);
        }, RenderTimeout, $"the run of project {projectId} reaches the expected state", () => run.ToString());
        return run;
    }

    /// <summary>The narration's word and scene timings, as the pipeline stored them beside the audio.</summary>
    private async Task<Track> TrackAsync(Guid id, Guid runId) =>
        (await Gateway.GetFromJsonAsync<Track>($"/api/storage/objects/projects/{id}/runs/{runId}/narration/track.json"))!;

    private async Task DownloadAsync(string path, string file)
    {
        using var response = await Gateway.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        await using var output = File.Create(file);
        await response.Content.CopyToAsync(output);
    }

    private async Task<Guid> UploadSolidImageAsync(TempFolder folder, string colour)
    {
        var png = Path.Combine(folder.Path, $"{colour}.png");
        await MediaTools.RunAsync("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", $"color=c={colour}:s=540x960", "-frames:v", "1", png]);
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(png)) { Headers = { ContentType = new("image/png") } };
        var uploaded = await Gateway.PostAsync("/api/storage/uploads", content);
        uploaded.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Events the pipeline emitted (its outbox rows: one per event, whatever the broker redelivers).</summary>
    private async Task<long> CountEmittedAsync(string type, Guid projectId)
    {
        await using var connection = new NpgsqlConnection(fixture.Stack.ConnectionString("pipelinedb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE message_type = $1 AND project_id = $2", connection)
        {
            Parameters = { new() { Value = type }, new() { Value = projectId } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Checks a condition of the outside world (a process, a status) until it holds.</summary>
    private static Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        EventuallyAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<string>? last = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not within {timeout}: {what}. Last seen: {last?.Invoke()}");
            await Task.Delay(100);
        }
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("contentmachine-e2e-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
