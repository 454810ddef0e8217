using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace ContentMachine.EndToEnd.Tests;

/// <summary>Publishing on the real stack: a project created with autoPublish to TikTok is rendered by the pipeline, then
/// exported as a package that a person downloads through the gateway and uploads by hand.</summary>
[Collection(StackCollection.Name)]
public partial class PublishingTests(StackFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private HttpClient Gateway => fixture.Gateway;

    [Fact]
    public async Task An_auto_published_tiktok_project_ends_published_with_a_downloadable_export_package()
    {
        var created = await Gateway.PostAsJsonAsync("/api/projects", new
        {
            topic = "Why owls hunt at night",
            options = new { durationSeconds = 15, autoPublish = true, platforms = new[] { "tiktok" } },
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var project = await WaitForPublishedAsync(id);
        var publication = project.GetProperty("publications").EnumerateArray().Single();
        publication.GetProperty("platform").GetString().Should().Be("tiktok");
        var url = publication.GetProperty("url").GetString()!;
        url.Should().StartWith("/api/publishing/publications/").And.EndWith("/package");

        var folder = Directory.CreateTempSubdirectory("e2e-package-").FullName;
        try
        {
            var watch = Stopwatch.StartNew();
            var zipPath = Path.Combine(folder, "tiktok.zip");
            await File.WriteAllBytesAsync(zipPath, await Gateway.GetByteArrayAsync(url));
            using var zip = ZipFile.OpenRead(zipPath);
            zip.Entries.Select(e => e.FullName).Should().Contain(["video.mp4", "cover.jpg", "captions.srt", "metadata.json", "caption-tiktok.txt", "CHECKLIST.md"]);

            zip.GetEntry("video.mp4")!.ExtractToFile(Path.Combine(folder, "video.mp4"));
            var probe = await MediaTools.ProbeAsync(Path.Combine(folder, "video.mp4"));
            probe.Should().BeEquivalentTo(new { Width = 1080, Height = 1920, VideoCodec = "h264", AudioCodec = "aac" });
            probe.DurationSeconds.Should().BeInRange(5, 60);

            using var metadata = await JsonDocument.ParseAsync(zip.GetEntry("metadata.json")!.Open());
            metadata.RootElement.GetProperty("projectId").GetGuid().Should().Be(id);
            var caption = metadata.RootElement.GetProperty("captions").GetProperty("tiktok").GetProperty("text").GetString()!;
            caption.Length.Should().BeInRange(1, 2200);
            caption.Should().StartWith(project.GetProperty("title").GetString()!);

            string srt;
            using (var reader = new StreamReader(zip.GetEntry("captions.srt")!.Open())) srt = await reader.ReadToEndAsync();
            var cues = CueTimes().Matches(srt).Select(m => (Start: Time(m.Groups[1].Value), End: Time(m.Groups[2].Value))).ToList();
            cues.Should().NotBeEmpty();
            cues.Should().OnlyContain(c => c.End > c.Start);
            cues.Zip(cues.Skip(1)).Should().OnlyContain(p => p.Second.Start >= p.First.Start, "cue times increase");

            var stored = await Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/storage/objects/exports/{id}/tiktok.zip"));
            stored.StatusCode.Should().Be(HttpStatusCode.OK, "the package is stored under exports/{projectId}/{platform}.zip");
            Console.WriteLine($"export package of a {probe.DurationSeconds:0.0} s video: {new FileInfo(zipPath).Length} bytes, downloaded in {watch.ElapsedMilliseconds} ms");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<JsonElement> WaitForPublishedAsync(Guid id)
    {
        var deadline = DateTime.UtcNow + Timeout;
        JsonElement project = default;
        while (DateTime.UtcNow < deadline)
        {
            project = await Gateway.GetFromJsonAsync<JsonElement>($"/api/projects/{id}");
            var status = project.GetProperty("status").GetString();
            if (status == "published") return project;
            if (status is "failed" or "cancelled") throw new InvalidOperationException($"The project ended {status}: {project}");
            await Task.Delay(1000);
        }
        throw new TimeoutException($"Project {id} was not published within {Timeout}: {project}");
    }

    private static TimeSpan Time(string text) => TimeSpan.ParseExact(text, @"hh\:mm\:ss\,fff", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(\d\d:\d\d:\d\d,\d\d\d) --> (\d\d:\d\d:\d\d,\d\d\d)")]
    private static partial Regex CueTimes();
}
