using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContentMachine.Pipeline.Media.Footage;

/// <summary>Pexels video search (GET {endpoint}videos/search?query=...&amp;orientation=portrait): the first clip long enough
/// for the scene (else the longest), in the MP4 rendition closest to 1920 pixels high, downloaded to a file.</summary>
public sealed class PexelsFootage(HttpClient http, IOptions<PexelsOptions> options, ILogger<PexelsFootage> logger) : IStockFootage
{
    public const int TargetHeight = 1920;

    public async Task<bool> TryDownloadAsync(string keywords, double minSeconds, string outputPath, CancellationToken ct)
    {
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        var query = Uri.EscapeDataString(keywords);
        using var search = new HttpRequestMessage(HttpMethod.Get, new Uri(o.Endpoint, $"videos/search?query={query}&orientation=portrait&size=medium&per_page={o.PerPage}"));
        search.Headers.TryAddWithoutValidation("Authorization", o.ApiKey);
        using var response = await http.SendAsync(search, timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Pexels answered {(int)response.StatusCode} to a search for '{keywords}'.", null, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<PexelsSearchResult>(timeout.Token);

        var choice = Choose(result?.Videos ?? [], minSeconds);
        if (choice is not { } pick)
        {
            logger.LogInformation("Pexels has no portrait clip for '{Keywords}'", keywords);
            return false;
        }
        using var download = await http.GetAsync(pick.File.Link, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (!download.IsSuccessStatusCode)
            throw new HttpRequestException($"Pexels answered {(int)download.StatusCode} to the download of video {pick.Video.Id}.", null, download.StatusCode);
        await using (var file = File.Create(outputPath))
            await download.Content.CopyToAsync(file, timeout.Token);
        logger.LogInformation("Pexels video {VideoId} ({Width}x{Height}, {Duration} s) for '{Keywords}'",
            pick.Video.Id, pick.File.Width, pick.File.Height, pick.Video.Duration, keywords);
        return true;
    }

    /// <summary>Portrait MP4 renditions only; the first video long enough, else the longest; the rendition nearest in height
    /// to the output, preferring one at least as high (scaling down looks better than up).</summary>
    public static (PexelsVideo Video, PexelsVideoFile File)? Choose(IReadOnlyList<PexelsVideo> videos, double minSeconds)
    {
        var candidates = videos
            .Select(v => (Video: v, Files: (v.VideoFiles ?? [])
                .Where(f => f.Link is not null && f.FileType == "video/mp4" && f.Height > f.Width).ToList()))
            .Where(c => c.Files.Count > 0)
            .ToList();
        if (candidates.Count == 0) return null;
        var (video, files) = candidates.FirstOrDefault(c => c.Video.Duration >= minSeconds) is { Video: not null } longEnough
            ? longEnough
            : candidates.MaxBy(c => c.Video.Duration);
        var file = files.OrderBy(f => f.Height >= TargetHeight ? 0 : 1).ThenBy(f => Math.Abs((f.Height ?? 0) - TargetHeight)).First();
        return (video, file);
    }
}
