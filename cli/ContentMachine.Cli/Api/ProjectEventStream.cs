using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using ContentMachine.Cli.Api.Events;

namespace ContentMachine.Cli.Api;

/// <summary>A project's changes as they happen: its Server-Sent Events stream (which replays the current state first,
/// so reconnecting after a dropped connection loses nothing), or, where a gateway offers no stream, the project read
/// every <see cref="PollInterval"/>. Consumers stop reading when they have seen what they wait for.</summary>
public sealed class ProjectEventStream(ApiClient api)
{
    private const int MaxConsecutiveDrops = 5;

    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public static TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public async IAsyncEnumerable<ProjectEvent> FollowAsync(Guid id, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var drops = 0; ; drops++)
        {
            HttpResponseMessage response;
            try
            {
                response = await api.OpenAsync(ApiPaths.Events(id), "text/event-stream", ct);
            }
            catch (ApiException ex) when (ex.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotAcceptable or HttpStatusCode.NotImplemented)
            {
                await api.GetJsonAsync(ApiPaths.Project(id), ct); // the project itself is missing: that 404 is the answer
                response = null!;
            }
            if (response is null || response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            {
                response?.Dispose();
                await foreach (var polled in PollAsync(id, ct)) yield return polled;
                yield break;
            }

            using (response)
            {
                var items = SseParser.Create(await response.Content.ReadAsStreamAsync(ct), (type, data) => Parse(type, data)).EnumerateAsync(ct);
                await using var reader = items.GetAsyncEnumerator(ct);
                while (await NextAsync(reader, ct))
                {
                    drops = 0;
                    if (reader.Current.Data is { } item) yield return item;
                    if (reader.Current.Data is ProjectRemoved) yield break;
                }
            }
            if (drops >= MaxConsecutiveDrops) throw new CliException($"The event stream of project {id} keeps closing; try again, or cm get {id}.");
            await Task.Delay(ReconnectDelay, ct);
        }
    }

    /// <summary>False at the end of the stream, or when the connection dropped (the caller reconnects).</summary>
    private static async Task<bool> NextAsync(IAsyncEnumerator<SseItem<ProjectEvent?>> reader, CancellationToken ct)
    {
        try
        {
            return await reader.MoveNextAsync();
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async IAsyncEnumerable<ProjectEvent> PollAsync(Guid id, [EnumeratorCancellation] CancellationToken ct)
    {
        while (true)
        {
            var project = await api.GetAsync<ProjectDetails>(ApiPaths.Project(id), ct);
            foreach (var stage in project.Stages) yield return new StageChanged(stage);
            yield return new ProgressChanged(project.Progress);
            foreach (var publication in project.Publications) yield return new PublicationChanged(publication);
            yield return new StatusChanged(project.Status, project.Failure?.Stage, project.Failure?.Reason, project.Attempt);
            await Task.Delay(PollInterval, ct);
        }
    }

    private static ProjectEvent? Parse(string type, ReadOnlySpan<byte> data) => type switch
    {
        "stage" => new StageChanged(Read<ProjectStage>(data)),
        "progress" => new ProgressChanged(JsonDocument.Parse(data.ToArray()).RootElement.GetProperty("percent").GetInt32()),
        "status" => Read<StatusChanged>(data),
        "publication" => new PublicationChanged(Read<ProjectPublication>(data)),
        "deleted" => new ProjectRemoved(),
        _ => null, // script, video, heartbeat: nothing a waiting command needs
    };

    private static T Read<T>(ReadOnlySpan<byte> data) =>
        JsonSerializer.Deserialize<T>(data, ApiJson.Options) ?? throw new JsonException($"An empty {typeof(T).Name} event.");
}
