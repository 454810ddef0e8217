using System.Diagnostics;
using System.IO.Compression;
using ContentMachine.Publishing.Export;
using ContentMachine.Publishing.Runner;

namespace ContentMachine.Publishing.Tests.Export;

public sealed class ExportPackageWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("publishing-export-").FullName;
    private static readonly PublicationContent Content = new("projects/p/outputs/final.mp4", "projects/p/outputs/cover.jpg",
        "Five facts about owls", "Owls hunt at night.", ["owls", "birds", "nature"], null);

    [Fact]
    public async Task A_package_holds_the_video_cover_captions_metadata_caption_texts_and_checklist_each_valid()
    {
        var objects = new Dictionary<string, string>
        {
            [Content.VideoKey] = await MediaSamples.VideoAsync(_folder),
            [Content.CoverKey!] = await MediaSamples.CoverAsync(_folder),
            [Content.CaptionsKey] = Write("captions.srt", MediaSamples.Srt),
        };
        var zipPath = Path.Combine(_folder, "package.zip");
        var watch = Stopwatch.StartNew();
        await using (var output = File.Create(zipPath))
            await ExportPackageWriter.WriteAsync(output, Guid.NewGuid(), Platform.Tiktok, Content, new YouTubeDefaults(), DateTimeOffset.UtcNow,
                (key, _) => Task.FromResult<Stream?>(objects.TryGetValue(key, out var path) ? File.OpenRead(path) : null), CancellationToken.None);
        watch.Stop();

        using var zip = ZipFile.OpenRead(zipPath);
        zip.Entries.Select(e => e.FullName).Should().BeEquivalentTo("video.mp4", "cover.jpg", "captions.srt", "metadata.json",
            "caption-tiktok.txt", "caption-instagram.txt", "caption-youtube.txt", "CHECKLIST.md");
        zip.GetEntry("video.mp4")!.Length.Should().Be(new FileInfo(objects[Content.VideoKey]).Length);
        zip.GetEntry("video.mp4")!.ExtractToFile(Path.Combine(_folder, "out.mp4"));
        var (width, height, seconds) = await MediaSamples.ProbeAsync(Path.Combine(_folder, "out.mp4"));
        (width, height).Should().Be((360, 640));
        seconds.Should().BeApproximately(2, 0.2);
        MediaSamples.SrtCues(Read(zip, "captions.srt")).Should().HaveCount(3);

        using var metadata = JsonDocument.Parse(Read(zip, "metadata.json"));
        metadata.RootElement.GetProperty("platform").GetString().Should().Be("tiktok");
        metadata.RootElement.GetProperty("captions").GetProperty("instagram").GetProperty("text").GetString().Should().StartWith("Five facts about owls");
        metadata.RootElement.GetProperty("youTube").GetProperty("containsSyntheticMedia").GetBoolean().Should().BeTrue();
        metadata.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()).Should().Contain("video.mp4");
        Read(zip, "caption-tiktok.txt").Should().Be("Five facts about owls\n\nOwls hunt at night.\n\n#owls #birds #nature");
        Read(zip, "CHECKLIST.md").Should().Contain("- [ ] ").And.Contain("caption-tiktok.txt");
        Console.WriteLine($"package of a 2 s video: {new FileInfo(zipPath).Length} bytes in {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Without_the_video_the_package_fails_for_good_naming_the_key()
    {
        var act = async () => await ExportPackageWriter.WriteAsync(Stream.Null, Guid.NewGuid(), Platform.Instagram, Content, new YouTubeDefaults(),
            DateTimeOffset.UtcNow, (_, _) => Task.FromResult<Stream?>(null), CancellationToken.None);

        (await act.Should().ThrowAsync<PublishException>()).Which.Should().Match<PublishException>(e => !e.Retryable && e.Message.Contains(Content.VideoKey));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
