using System.Net.Http.Json;

namespace ContentMachine.Pipeline.Clients;

/// <summary>The Search service's duplicate check, asked before a video is rendered.</summary>
public sealed class SearchClient(HttpClient http)
{
    public const string Name = "search";

    public async Task<DuplicateCheck> CheckDuplicatesAsync(string text, double threshold, Guid excludeProjectId, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/search/duplicates", new { text, threshold, excludeProjectId, limit = 3 }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DuplicateCheck>(ct))!;
    }
}

public sealed record DuplicateCheck(bool IsDuplicate, double Threshold, DuplicateMatch? BestMatch);

public sealed record DuplicateMatch(Guid ProjectId, double Score, string Title);
