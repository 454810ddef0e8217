using System.Net.Http.Headers;

namespace ContentMachine.Projects.FunctionalTests;

[Collection(ProjectsCollection.Name)]
public class EventStreamTests(ProjectsServiceFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private sealed record Sse(string Event, JsonElement Data);

    private static async IAsyncEnumerable<Sse> ReadAsync(StreamReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? type = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event: ")) type = line["event: ".Length..];
            else if (line.StartsWith("data: ")) yield return new Sse(type!, JsonDocument.Parse(line["data: ".Length..]).RootElement);
        }
    }

    private async Task<(HttpResponseMessage Response, StreamReader Reader)> OpenAsync(Guid id, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{id}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        return (response, new StreamReader(await response.Content.ReadAsStreamAsync(ct)));
    }

    [Fact]
    public async Task A_subscriber_gets_the_current_state_then_each_change_in_order_and_the_stream_closes_when_rendered()
    {
        var project = await (await _client.PostAsJsonAsync("/api/projects", new { topic = "Streamed project" })).Content.ReadFromJsonAsync<JsonElement>();
        var events = new PipelineEvents(project);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (response, reader) = await OpenAsync(events.ProjectId, cts.Token);
        using var _ = response;
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var received = new List<Sse>();
        var stream = ReadAsync(reader, cts.Token).GetAsyncEnumerator(cts.Token);

        async Task<Sse> Next()
        {
            (await stream.MoveNextAsync()).Should().BeTrue("the stream is still open");
            received.Add(stream.Current);
            return stream.Current;
        }
        async Task<Sse> NextOf(string type)
        {
            Sse item;
            do item = await Next(); while (item.Event != type);
            return item;
        }

        for (var i = 0; i < 6; i++) (await Next()).Event.Should().Be("stage", "the replay starts with the six stages");
        (await Next()).Event.Should().Be("progress");
        var initial = await Next();
        initial.Event.Should().Be("status");
        initial.Data.GetProperty("status").GetString().Should().Be("queued");

        foreach (var (stage, progress) in new[] { ("script", 15), ("narration", 35), ("visuals", 50), ("render", 85) })
        {
            await fixture.PublishAsync(events.Started(stage));
            var started = await NextOf("stage");
            (started.Data.GetProperty("name").GetString(), started.Data.GetProperty("status").GetString()).Should().Be((stage, "running"));
            await fixture.PublishAsync(events.Completed(stage, progress));
            var completed = await NextOf("stage");
            (completed.Data.GetProperty("name").GetString(), completed.Data.GetProperty("status").GetString()).Should().Be((stage, "completed"));
            (await NextOf("progress")).Data.GetProperty("percent").GetInt32().Should().Be(progress);
        }
        await fixture.PublishAsync(events.Rendered());
        (await NextOf("video")).Data.GetProperty("height").GetInt32().Should().Be(1920);
        (await NextOf("status")).Data.GetProperty("status").GetString().Should().Be("rendered");

        (await stream.MoveNextAsync()).Should().BeFalse("the stream closes after a terminal status");
        received.Where(e => e.Event == "status").Select(e => e.Data.GetProperty("status").GetString()).Should().Equal("queued", "running", "rendered");
    }

    [Fact]
    public async Task A_stream_of_a_finished_project_replays_its_state_and_closes()
    {
        var project = await (await _client.PostAsJsonAsync("/api/projects", new { topic = "Already cancelled" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = project.GetProperty("id").GetGuid();
        await _client.PostAsync($"/api/projects/{id}/cancel", null);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var (response, reader) = await OpenAsync(id, cts.Token);
        using var _ = response;
        var all = new List<Sse>();
        await foreach (var item in ReadAsync(reader, cts.Token)) all.Add(item);

        all.Last().Event.Should().Be("status");
        all.Last().Data.GetProperty("status").GetString().Should().Be("cancelled");
    }
}
