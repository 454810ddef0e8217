using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentMachine.Cli.Configuration;

namespace ContentMachine.Cli.Api;

/// <summary>The gateway's public API over one HttpClient. The API key goes as <c>X-Api-Key</c>, and only to the
/// gateway's own origin (a redirect elsewhere, such as a presigned storage URL, does not get it). Redirects are
/// followed here rather than by the handler so that rule holds.</summary>
public sealed class ApiClient(HttpClient http, CliSettings settings) : IDisposable
{
    public const string ApiKeyHeader = "X-Api-Key";
    private const int MaxRedirects = 5;

    /// <summary>For a request and its headers; bodies (downloads, event streams) take as long as they take.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public CliSettings Settings => settings;

    public static ApiClient Create(CliSettings settings)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) };
        var http = new HttpClient(handler) { BaseAddress = settings.Url, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("cm", typeof(ApiClient).Assembly.GetName().Version?.ToString(3)));
        return new ApiClient(http, settings);
    }

    public Task<JsonElement> GetJsonAsync(string path, CancellationToken ct) => SendJsonAsync(HttpMethod.Get, path, null, ct);

    public async Task<T> GetAsync<T>(string path, CancellationToken ct) => ApiJson.Read<T>(await GetJsonAsync(path, ct));

    public async Task<T> PostAsync<T>(string path, object? body, CancellationToken ct) => ApiJson.Read<T>(await SendJsonAsync(HttpMethod.Post, path, body, ct));

    public async Task<JsonElement> SendJsonAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var response = await SendAsync(method, path, body, accept: "application/json", ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A successful response whose body is still to be read (the caller disposes it): event streams, downloads.</summary>
    public Task<HttpResponseMessage> OpenAsync(string path, string accept, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, accept, ct);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string accept, CancellationToken ct)
    {
        var uri = new Uri(settings.Url, path);
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Accept.ParseAdd(accept);
            if (body is not null) request.Content = JsonContent.Create(body, options: ApiJson.Options);
            if (settings.ApiKey is { } key && IsGateway(uri)) request.Headers.Add(ApiKeyHeader, key);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(RequestTimeout);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new CliException($"The gateway at {settings.Url} did not answer {method} {path} within {RequestTimeout.TotalSeconds:0} s.");
            }
            catch (HttpRequestException ex)
            {
                throw new CliException($"Cannot reach the gateway at {settings.Url} ({ex.Message}). Is the stack running? "
                    + "(dotnet run --project ContentMachine.AppHost; or set --url / CM_URL)");
            }

            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location && redirects < MaxRedirects && method == HttpMethod.Get)
            {
                response.Dispose();
                uri = new Uri(uri, location);
                continue;
            }
            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                throw new ApiException(response.StatusCode, ApiProblem.Parse(await response.Content.ReadAsStringAsync(ct)));
            }
        }
    }

    private bool IsGateway(Uri uri) => Uri.Compare(uri, settings.Url, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    public void Dispose() => http.Dispose();
}
