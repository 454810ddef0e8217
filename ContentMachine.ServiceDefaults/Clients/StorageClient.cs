using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ContentMachine.ServiceDefaults.Clients;

/// <summary>The Storage service as the other services use it (the Pipeline's artifacts, Publishing's packages): objects
/// go up from local files and come down as streams or files, so nothing large is held in memory. Uploads are retried
/// here (a file can be re-read; a stream in flight cannot be replayed by the HTTP pipeline).</summary>
public sealed class StorageClient(HttpClient http, ILogger<StorageClient> logger)
{
    public const string Name = "storage";
    private const int MaxTries = 4;

    public async Task<StoredObject> UploadAsync(string key, string path, string contentType, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var file = File.OpenRead(path);
                using var content = new StreamContent(file, 256 * 1024);
                content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                content.Headers.ContentLength = file.Length;
                using var response = await http.PutAsync(ObjectPath(key), content, ct);
                await EnsureSuccessAsync(response, $"storing {key}", ct);
                return (await response.Content.ReadFromJsonAsync<StoredObject>(ct))!;
            }
            catch (Exception ex) when (attempt < MaxTries && IsTransient(ex) && !ct.IsCancellationRequested)
            {
                logger.LogWarning("Storing {Key} failed (try {Attempt}): {Reason}; trying again", key, attempt, ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt)), ct);
            }
        }
    }

    /// <summary>The object's content as a stream (the caller disposes the response), or null when it does not exist.</summary>
    public async Task<HttpResponseMessage?> OpenAsync(string key, CancellationToken ct)
    {
        var response = await http.GetAsync(ObjectPath(key), HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }
        try
        {
            await EnsureSuccessAsync(response, $"reading {key}", ct);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Downloads the object to <paramref name="path"/> (via a temporary name, so a partial file never looks whole).</summary>
    public async Task<bool> DownloadAsync(string key, string path, CancellationToken ct)
    {
        using var response = await OpenAsync(key, ct);
        if (response is null) return false;
        var partial = path + ".partial";
        await using (var file = File.Create(partial))
            await response.Content.CopyToAsync(file, ct);
        File.Move(partial, path, overwrite: true);
        return true;
    }

    public async Task<PresignedUrl> PresignGetAsync(string key, TimeSpan expiresIn, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/storage/presign",
            new { key, method = "GET", expiresInSeconds = (int)expiresIn.TotalSeconds }, ct);
        await EnsureSuccessAsync(response, $"presigning {key}", ct);
        return (await response.Content.ReadFromJsonAsync<PresignedUrl>(ct))!;
    }

    public async Task<StoredObject?> FindAsync(string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, ObjectPath(key));
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureSuccessAsync(response, $"looking up {key}", ct);
        var sha = response.Headers.ETag?.Tag.Trim('"') ?? "";
        return new StoredObject(key, response.Content.Headers.ContentLength ?? 0, sha, response.Content.Headers.ContentType?.MediaType ?? "");
    }

    private static string ObjectPath(string key) => "/api/storage/objects/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(ct);
        throw new HttpRequestException($"Storage refused {what}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}", null, response.StatusCode);
    }

    private static bool IsTransient(Exception ex) =>
        ex is HttpRequestException { StatusCode: null or >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests }
            or IOException or TaskCanceledException;
}

public sealed record PresignedUrl(string Url, DateTimeOffset ExpiresAt);

public sealed record StoredObject(string Key, long Size, string Sha256, string ContentType);
