namespace ContentMachine.EndToEnd.Tests;

/// <summary>Search through the whole stack: a project created at the gateway reaches the Search service as a
/// ProjectSubmitted (Projects' outbox, RabbitMQ) and becomes searchable; deleting it removes it again.</summary>
[Collection(StackCollection.Name)]
public class SearchTests(StackFixture fixture)
{
    private HttpClient Gateway => fixture.Gateway;

    private async Task<JsonElement> SearchUntilAsync(string query, Func<JsonElement, bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        JsonElement last = default;
        while (!cts.IsCancellationRequested)
        {
            var response = await Gateway.GetAsync("/api/search?" + query, CancellationToken.None);
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            last = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (condition(last)) return last;
            await Task.Delay(200, CancellationToken.None);
        }
        throw new TimeoutException($"GET /api/search?{query} never satisfied the condition; last answer: {last}");
    }

    private static IEnumerable<Guid> Ids(JsonElement response) =>
        response.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("projectId").GetGuid());

    [Fact]
    public async Task A_project_created_at_the_gateway_becomes_searchable_and_a_duplicate_then_deleting_it_removes_it()
    {
        var topic = $"Why octopuses have three hearts {Guid.NewGuid():N}"[..40];
        var created = await Gateway.PostAsJsonAsync("/api/projects", new { topic });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var query = $"q={Uri.EscapeDataString("octopus hearts")}&topic={Uri.EscapeDataString(topic)}";

        var found = await SearchUntilAsync(query, r => Ids(r).Contains(id));
        var duplicate = await (await Gateway.PostAsJsonAsync("/api/search/duplicates", new { text = topic, threshold = 0.8 })).Content.ReadFromJsonAsync<JsonElement>();
        var itself = await (await Gateway.PostAsJsonAsync("/api/search/duplicates", new { text = topic, threshold = 0.8, excludeProjectId = id })).Content.ReadFromJsonAsync<JsonElement>();

        var hit = found.GetProperty("results").EnumerateArray().Single();
        hit.GetProperty("topic").GetString().Should().Be(topic);
        hit.GetProperty("status").GetString().Should().BeOneOf(["submitted", "scripted", "rendered"], "the pipeline works on it meanwhile");
        duplicate.GetProperty("isDuplicate").GetBoolean().Should().BeTrue();
        duplicate.GetProperty("bestMatch").GetProperty("projectId").GetGuid().Should().Be(id);
        itself.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("projectId").GetGuid()).Should().NotContain(id);

        (await Gateway.DeleteAsync($"/api/projects/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await SearchUntilAsync(query, r => !Ids(r).Contains(id));
    }

    [Fact]
    public async Task An_invalid_search_through_the_gateway_is_a_400_naming_the_field()
    {
        var response = await Gateway.GetAsync("/api/search?q=octopus&limit=500");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("limit", out _).Should().BeTrue();
    }
}
