using System.IO.Compression;
using ContentMachine.Publishing.Tests.Export;

namespace ContentMachine.Publishing.FunctionalTests;

[Collection(PublishingCollection.Name)]
public sealed class ExportTests(PublishingServiceFixture fixture)
{
    [Fact]
    public async Task TikTok_and_Instagram_are_exported_as_packages_stored_under_exports_and_announced_with_their_url()
    {
        var projectId = await fixture.StoreProjectAsync();

        await fixture.PublishAsync(PublishingServiceFixture.Request(projectId, "Five facts about owls", null, "tiktok", "instagram"));
        await fixture.Observer.WaitUntilAsync(all => all.OfType<VideoPublished>().Count(e => e.ProjectId == projectId) == 2, TimeSpan.FromSeconds(60));

        var published = fixture.Observer.Of<VideoPublished>(projectId);
        published.Select(e => e.Platform).Should().BeEquivalentTo("tiktok", "instagram");
        var list = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/publishing/publications?projectId={projectId}");
        list.EnumerateArray().Should().HaveCount(2).And.OnlyContain(p => p.GetProperty("status").GetString() == "exported" && p.GetProperty("mode").GetString() == "export");
        var tiktok = list.EnumerateArray().Single(p => p.GetProperty("platform").GetString() == "tiktok");
        tiktok.GetProperty("exportKey").GetString().Should().Be($"exports/{projectId}/tiktok.zip");
        published.Single(e => e.Platform == "tiktok").Url.Should().Be(tiktok.GetProperty("url").GetString()).And.EndWith("/package");

        var folder = Directory.CreateTempSubdirectory("publishing-package-").FullName;
        try
        {
            var zipPath = Path.Combine(folder, "tiktok.zip");
            await File.WriteAllBytesAsync(zipPath, await fixture.Client.GetByteArrayAsync(tiktok.GetProperty("url").GetString()));
            using var zip = ZipFile.OpenRead(zipPath);
            zip.Entries.Select(e => e.FullName).Should().Contain(["video.mp4", "cover.jpg", "captions.srt", "metadata.json", "caption-tiktok.txt", "CHECKLIST.md"]);
            zip.GetEntry("video.mp4")!.ExtractToFile(Path.Combine(folder, "video.mp4"));
            (await MediaSamples.ProbeAsync(Path.Combine(folder, "video.mp4"))).Should().Match<(int W, int H, double S)>(v => v.W == 360 && v.H == 640 && v.S > 1.5);
            using (var reader = new StreamReader(zip.GetEntry("captions.srt")!.Open())) MediaSamples.SrtCues(await reader.ReadToEndAsync());
            using (var metadata = await JsonDocument.ParseAsync(zip.GetEntry("metadata.json")!.Open()))
                metadata.RootElement.GetProperty("youTube").GetProperty("description").GetString().Should().NotContain("<");

            var link = await (await fixture.Client.PostAsync($"/api/publishing/publications/{tiktok.GetProperty("id").GetGuid()}/package/link", null))
                .Content.ReadFromJsonAsync<JsonElement>();
            using var direct = new HttpClient();
            (await direct.GetByteArrayAsync(link.GetProperty("url").GetString())).Should().Equal(await File.ReadAllBytesAsync(zipPath), "the presigned URL serves the same package");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_project_without_a_rendered_video_fails_for_good_naming_the_missing_key()
    {
        var projectId = Guid.NewGuid();

        await fixture.PublishAsync(PublishingServiceFixture.Request(projectId, "Nothing rendered", null, "tiktok"));
        var failed = await fixture.Observer.WaitForAsync<PublishFailed>(projectId, TimeSpan.FromSeconds(60));

        failed.Platform.Should().Be("tiktok");
        failed.Retryable.Should().BeFalse();
        failed.Reason.Should().Contain($"projects/{projectId}/outputs/final.mp4");
    }

    [Fact]
    public async Task The_api_answers_problems_naming_the_field()
    {
        var missing = await fixture.Client.GetAsync("/api/publishing/publications");
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("projectId", out _).Should().BeTrue();

        var badPlatform = await fixture.Client.PostAsJsonAsync("/api/publishing/publications", new { projectId = Guid.NewGuid(), platform = "myspace" });
        badPlatform.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badPlatform.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("platform", out _).Should().BeTrue();

        (await fixture.Client.GetAsync($"/api/publishing/publications/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.Client.PostAsync($"/api/publishing/publications/{Guid.NewGuid()}/retry", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
