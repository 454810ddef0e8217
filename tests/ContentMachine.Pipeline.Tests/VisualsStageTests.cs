using ContentMachine.ServiceDefaults.Clients;
using System.Collections.Concurrent;
using ContentMachine.Pipeline.Media.Footage;
using ContentMachine.Pipeline.Model;
using ContentMachine.Pipeline.Runs;
using ContentMachine.Pipeline.Stages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentMachine.Pipeline.Tests;

/// <summary>The visuals stage's choice per scene: stock footage where the source has a clip, a painted background where
/// it has none or fails; artifacts go to a fake Storage service.</summary>
public class VisualsStageTests
{
    private sealed class ScriptedFootage(params Func<string, bool>[] answers) : IStockFootage
    {
        private int _calls;

        public Task<bool> TryDownloadAsync(string keywords, double minSeconds, string outputPath, CancellationToken ct)
        {
            var found = answers[_calls++](outputPath);
            if (found) File.WriteAllBytes(outputPath, [1, 2, 3]);
            return Task.FromResult(found);
        }
    }

    [Fact]
    public async Task A_scene_gets_a_stock_clip_when_one_is_found_and_a_painted_background_when_none_is_or_the_source_fails()
    {
        var stored = new ConcurrentDictionary<string, string>();
        await using var storage = await TestBackend.StartAsync(app => app.MapPut("/api/storage/objects/{**key}", async (string key, HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            stored[key] = request.ContentType ?? "";
            return Results.Json(new { key, size = request.ContentLength ?? 0, sha256 = new string('0', 64), contentType = request.ContentType });
        }));
        using var folder = new TempFolder();
        var run = RunWithScript(scenes: 3);
        var work = new RunWork(run, folder.Path, new StorageClient(new HttpClient { BaseAddress = storage.Url }, NullLogger<StorageClient>.Instance));
        var footage = new ScriptedFootage(_ => true, _ => false, _ => throw new HttpRequestException("Pexels answered 503"));
        var stage = new VisualsStage(Media.Painter(Media.Runner(), 108, 192), NullLogger<VisualsStage>.Instance, footage);

        var checkpoint = System.Text.Json.JsonSerializer.Deserialize<VisualsCheckpoint>(await stage.ExecuteAsync(work, CancellationToken.None), RunWork.Json)!;

        checkpoint.Scenes.Select(s => (s.Kind, s.Extension)).Should().Equal((VisualKind.Video, ".mp4"), (VisualKind.Image, ".png"), (VisualKind.Image, ".png"));
        checkpoint.Scenes.Select(s => s.Key).Should().OnlyContain(k => stored.ContainsKey(k) && k.StartsWith($"projects/{run.ProjectId}/runs/{run.Id}/visuals/"));
        stored[checkpoint.Scenes[0].Key].Should().Be("video/mp4");
    }

    private static Run RunWithScript(int scenes)
    {
        var run = Run.Submitted(new ProjectSubmitted
        {
            ProjectId = Guid.NewGuid(), RunId = Guid.NewGuid(), Attempt = 1, Topic = "Octopus hearts", Title = "Octopus hearts", Options = new VideoOptions(),
        });
        var script = new VideoScript("Octopus hearts", "Why three.", ["#Octopus", "#Facts", "#Shorts"],
            Enumerable.Range(1, scenes).Select(i => new SceneScript(i, $"Scene {i} text.", 4, $"octopus, scene {i}")).ToList());
        run.StartStage("script", DateTimeOffset.UtcNow);
        run.CompleteStage("script", RunWork.Serialize(script), 10, DateTimeOffset.UtcNow);
        return run;
    }
}
