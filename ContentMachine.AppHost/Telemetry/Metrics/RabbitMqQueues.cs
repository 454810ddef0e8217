using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ContentMachine.AppHost.Telemetry.Metrics;

/// <summary>Reads the queues of the default virtual host from RabbitMQ's management API (GET /api/queues/%2F). The
/// broker refreshes these figures every few seconds, so they trail the queues a little.</summary>
public sealed class RabbitMqQueues(HttpClient http, Uri managementUrl, string userName, string password)
{
    public async Task<IReadOnlyList<QueueDepth>> ReadAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(managementUrl, "api/queues/%2F"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}")));
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        return json.RootElement.EnumerateArray().Select(Parse).OrderBy(q => q.Name, StringComparer.Ordinal).ToList();
    }

    private static QueueDepth Parse(JsonElement queue) => new(
        queue.GetProperty("name").GetString()!,
        Long(queue, "messages_ready"),
        Long(queue, "messages_unacknowledged"),
        (int)Long(queue, "consumers"),
        Rate(queue, "publish_details"),
        Rate(queue, "ack_details"));

    private static long Long(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private static double Rate(JsonElement queue, string details) =>
        queue.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty(details, out var d)
        && d.TryGetProperty("rate", out var rate) && rate.ValueKind == JsonValueKind.Number ? rate.GetDouble() : 0;
}
