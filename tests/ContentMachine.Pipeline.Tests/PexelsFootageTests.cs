using System.Collections.Concurrent;
using ContentMachine.Pipeline.Media.Footage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentMachine.Pipeline.Tests;

/// <summary>Pexels video search against an in-process fake of GET /videos/search and its file links.</summary>
public class PexelsFootageTests
{
    private const string Key = "pexels-key-5678";
    private static readonly byte[] Clip = "not really an mp4, but bytes to carry"u8.ToArray();

    private sealed class FakePexels
    {
        public ConcurrentQueue<(string Authorization, string Query)> Searches { get; } = new();
        public Func<Uri, IResult> Answer { get; set; } = _ => Results.StatusCode(500);
        public Uri Url { get; private set; } = null!;

        public async Task<TestBackend> StartAsync()
        {
            var backend = await TestBackend.StartAsync(app =>
            {
                app.MapGet("/videos/search", (HttpRequest request) =>
                {
                    Searches.Enqueue((request.Headers.Authorization.ToString(), request.QueryString.Value ?? ""));
                    return Answer(Url);
                });
                app.MapGet("/files/{id}.mp4", (string id) => Results.File(Clip, "video/mp4"));
            });
            Url = backend.Url;
            return backend;
        }
    }

    private static object File(long id, int width, int height, Uri server, string type = "video/mp4") =>
        new { id, quality = "hd", file_type = type, width, height, link = new Uri(server, $"files/{id}.mp4").AbsoluteUri };

    private static PexelsFootage Footage(Uri endpoint) =>
        new(new HttpClient(), Options.Create(new PexelsOptions { ApiKey = Key, Endpoint = endpoint }), NullLogger<PexelsFootage>.Instance);

    [Fact]
    public async Task The_first_clip_long_enough_is_downloaded_in_the_portrait_rendition_nearest_1920_high()
    {
        var fake = new FakePexels();
        fake.Answer = server => Results.Json(new
        {
            videos = new object[]
            {
                new { id = 1, width = 1080, height = 1920, duration = 4, video_files = new[] { File(11, 1080, 1920, server) } },
                new
                {
                    id = 2, width = 2160, height = 3840, duration = 20,
                    video_files = new[] { File(21, 1920, 1080, server), File(22, 720, 1280, server), File(23, 1080, 1920, server), File(24, 2160, 3840, server) },
                },
            },
        });
        await using var server = await fake.StartAsync();
        using var folder = new TempFolder();

        var found = await Footage(server.Url).TryDownloadAsync("octopus, ocean", 8.5, folder.File("clip.mp4"), CancellationToken.None);

        found.Should().BeTrue();
        (await System.IO.File.ReadAllBytesAsync(folder.File("clip.mp4"))).Should().Equal(Clip);
        var (authorization, query) = fake.Searches.Single();
        authorization.Should().Be(Key, "Pexels takes the key itself, not a bearer token");
        query.Should().Contain("query=octopus%2C%20ocean").And.Contain("orientation=portrait");
        PexelsFootage.Choose([new PexelsVideo(2, 2160, 3840, 20, [new(23, "hd", "video/mp4", 1080, 1920, "x"), new(24, "uhd", "video/mp4", 2160, 3840, "y")])], 5)!
            .Value.File.Id.Should().Be(23);
    }

    [Fact]
    public void When_no_clip_is_long_enough_the_longest_is_taken_and_landscape_only_videos_never()
    {
        var landscape = new PexelsVideo(1, 1920, 1080, 60, [new(11, "hd", "video/mp4", 1920, 1080, "a")]);
        var shortOne = new PexelsVideo(2, 1080, 1920, 3, [new(21, "hd", "video/mp4", 1080, 1920, "b")]);
        var longer = new PexelsVideo(3, 1080, 1920, 6, [new(31, "hd", "video/mp4", 720, 1280, "c")]);

        PexelsFootage.Choose([landscape, shortOne, longer], 10)!.Value.Video.Id.Should().Be(3);
        PexelsFootage.Choose([landscape], 10).Should().BeNull();
    }

    [Fact]
    public async Task No_result_is_false_and_writes_nothing()
    {
        var fake = new FakePexels { Answer = _ => Results.Json(new { videos = Array.Empty<object>(), total_results = 0 }) };
        await using var server = await fake.StartAsync();
        using var folder = new TempFolder();

        (await Footage(server.Url).TryDownloadAsync("nothing", 5, folder.File("clip.mp4"), CancellationToken.None)).Should().BeFalse();
        System.IO.File.Exists(folder.File("clip.mp4")).Should().BeFalse();
    }

    [Fact]
    public async Task A_rate_limit_is_an_error_the_stage_can_fall_back_from()
    {
        var fake = new FakePexels { Answer = _ => Results.StatusCode(429) };
        await using var server = await fake.StartAsync();
        using var folder = new TempFolder();

        var act = () => Footage(server.Url).TryDownloadAsync("bees", 5, folder.File("clip.mp4"), CancellationToken.None);

        (await act.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(System.Net.HttpStatusCode.TooManyRequests);
    }
}
