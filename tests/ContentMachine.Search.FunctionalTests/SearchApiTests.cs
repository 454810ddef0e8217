using ContentMachine.Search.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ContentMachine.Search.FunctionalTests;

[Collection(SearchCollection.Name)]
public class SearchApiTests(SearchServiceFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private static string Unique(string topic) => $"{topic} {Guid.NewGuid():N}"[..(topic.Length + 9)];

    private static IEnumerable<Guid> Ids(JsonElement response) =>
        response.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("projectId").GetGuid());

    private async Task IndexScriptedAsync(TestProject project, string description, params string[] scenes)
    {
        await fixture.PublishAsync(project.Submitted("myth", "youtube", "tiktok"));
        await fixture.PublishAsync(project.Scripted(description, scenes));
        await fixture.SearchUntilAsync($"q={Uri.EscapeDataString(project.Title)}&topic={Uri.EscapeDataString(project.Topic)}&status=scripted",
            r => Ids(r).Contains(project.Id));
    }

    [Fact]
    public async Task Published_events_make_a_project_searchable_ranked_by_similarity_with_its_payload_and_filters()
    {
        var topic = Unique("sea creatures");
        var octopus = TestProject.New(topic, "Why octopuses have three hearts");
        var bread = TestProject.New(topic, "How to bake sourdough bread at home");
        await IndexScriptedAsync(octopus, "Three hearts, blue blood.", "An octopus has three hearts.", "Two pump blood through the gills, one through the body.");
        await IndexScriptedAsync(bread, "Flour, water, salt, time.", "Feed your starter the night before.", "Bake at 250 degrees in a dutch oven.");

        var response = await fixture.SearchUntilAsync($"q={Uri.EscapeDataString("how many hearts does an octopus have")}&topic={Uri.EscapeDataString(topic.ToUpperInvariant())}",
            r => Ids(r).Count() == 2);

        Ids(response).Should().Equal(octopus.Id, bread.Id);
        response.GetProperty("index").GetString().Should().Be("embedded");
        var best = response.GetProperty("results")[0];
        best.GetProperty("score").GetDouble().Should().BeGreaterThan(response.GetProperty("results")[1].GetProperty("score").GetDouble());
        best.GetProperty("title").GetString().Should().Be("Why octopuses have three hearts");
        best.GetProperty("topic").GetString().Should().Be(topic);
        best.GetProperty("archetype").GetString().Should().Be("myth");
        best.GetProperty("status").GetString().Should().Be("scripted");
        best.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()).Should().Equal("youtube", "tiktok");
        Ids(await Client.GetFromJsonAsync<JsonElement>($"/api/search?q=octopus&topic={Uri.EscapeDataString(topic)}&limit=1")).Should().Equal(octopus.Id);
        Ids(await Client.GetFromJsonAsync<JsonElement>($"/api/search?q=octopus&topic={Uri.EscapeDataString(topic)}&status=rendered")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_rendered_video_moves_the_project_to_status_rendered_and_a_late_submission_does_not_move_it_back()
    {
        var topic = Unique("space");
        var project = TestProject.New(topic, "How black holes bend light");
        await IndexScriptedAsync(project, "Gravity bends light.", "Near a black hole light follows curved space.");

        await fixture.PublishAsync(project.Rendered());
        await fixture.SearchUntilAsync($"q=black+holes&topic={Uri.EscapeDataString(topic)}&status=rendered", r => Ids(r).Contains(project.Id));
        await fixture.PublishAsync(project.Submitted() with { EventId = Guid.NewGuid() });
        await PublishMarkerAndWaitAsync();

        var rendered = await Client.GetFromJsonAsync<JsonElement>($"/api/search?q=black+holes&topic={Uri.EscapeDataString(topic)}");
        rendered.GetProperty("results").EnumerateArray().Single().GetProperty("status").GetString().Should().Be("rendered");
    }

    [Fact]
    public async Task The_duplicate_check_finds_a_near_copy_but_not_the_project_asking_nor_unrelated_text()
    {
        var topic = Unique("animals");
        var project = TestProject.New(topic, "The five fastest land animals on earth");
        string[] scenes = ["The cheetah runs at 110 kilometres per hour.", "The pronghorn keeps a fast pace for miles.", "The springbok jumps and sprints."];
        await IndexScriptedAsync(project, "Speed records of the savanna.", scenes);
        var script = string.Join('\n', new[] { project.Title, "Speed records of the savanna." }.Concat(scenes));

        var copy = await PostDuplicatesAsync(new { text = script, threshold = 0.9 });
        var self = await PostDuplicatesAsync(new { text = script, threshold = 0.9, excludeProjectId = project.Id });
        var unrelated = await PostDuplicatesAsync(new { text = "Saving money on your electricity bill this winter with five tips." });

        copy.GetProperty("isDuplicate").GetBoolean().Should().BeTrue();
        copy.GetProperty("bestMatch").GetProperty("projectId").GetGuid().Should().Be(project.Id);
        copy.GetProperty("bestMatch").GetProperty("score").GetDouble().Should().BeGreaterThan(0.9);
        copy.GetProperty("threshold").GetDouble().Should().Be(0.9);
        self.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("projectId").GetGuid()).Should().NotContain(project.Id);
        unrelated.GetProperty("isDuplicate").GetBoolean().Should().BeFalse();
        unrelated.GetProperty("threshold").GetDouble().Should().Be(0.9, "the default threshold");
    }

    [Fact]
    public async Task Deleting_a_project_removes_it_and_a_late_event_does_not_bring_it_back()
    {
        var topic = Unique("history");
        var project = TestProject.New(topic, "The history of the Roman empire");
        await IndexScriptedAsync(project, "Rise and fall.", "Rome began as a small city.");

        await fixture.PublishAsync(project.Deleted());
        await fixture.SearchUntilAsync($"q=roman+empire&topic={Uri.EscapeDataString(topic)}", r => !Ids(r).Contains(project.Id));
        await fixture.PublishAsync(project.Scripted("Late script.", "Rome again.") with { EventId = Guid.NewGuid() });
        await PublishMarkerAndWaitAsync();

        Ids(await Client.GetFromJsonAsync<JsonElement>($"/api/search?q=roman+empire&topic={Uri.EscapeDataString(topic)}")).Should().NotContain(project.Id);
        (await fixture.QueryAsync(db => db.EmbeddedVectors.AnyAsync(v => v.Id == project.Id))).Should().BeFalse("the stored vector goes too");
        (await fixture.QueryAsync(db => db.Documents.SingleAsync(d => d.ProjectId == project.Id))).DeletedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task A_redelivered_event_is_applied_once()
    {
        var topic = Unique("sleep");
        var project = TestProject.New(topic, "Ten myths about sleep debunked");
        var scripted = project.Scripted("Myths.", "You need eight hours.");
        await fixture.PublishAsync(project.Submitted());
        await fixture.PublishAsync(scripted);
        await fixture.PublishAsync(scripted);
        await PublishMarkerAndWaitAsync();

        var handled = await fixture.QueryAsync(db => db.Set<ServiceDefaults.Messaging.Inbox.InboxMessage>().CountAsync(m => m.EventId == scripted.EventId));
        handled.Should().Be(1);
        fixture.Logs.Entries.Count(e => e.Message.Contains($"ScriptGenerated {scripted.EventId} applied")).Should().Be(1);
    }

    [Fact]
    public async Task Embeddings_are_cached_in_redis_by_content_hash()
    {
        var topic = Unique("cache");
        var project = TestProject.New(topic, "Caching embeddings by content");
        await IndexScriptedAsync(project, "Hash the content.", "The same text is embedded once.");

        var redis = fixture.Service.Services.GetRequiredService<IConnectionMultiplexer>();
        var document = await fixture.QueryAsync(db => db.Documents.SingleAsync(d => d.ProjectId == project.Id));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(document.EmbeddingText)));
        var cached = (byte[]?)await redis.GetDatabase().StringGetAsync($"search:embedding:hashing-384:{hash}");

        cached.Should().NotBeNull().And.HaveCount(384 * sizeof(float));
    }

    [Fact]
    public async Task Reindex_re_embeds_every_live_document_and_a_restarted_service_loads_the_stored_vectors()
    {
        var topic = Unique("reindex");
        var project = TestProject.New(topic, "Volcanoes under the sea");
        await IndexScriptedAsync(project, "Hidden fire.", "Most volcanoes are under water.");

        var response = await Client.PostAsync("/api/search/reindex", null);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var live = await fixture.QueryAsync(db => db.Documents.CountAsync(d => d.DeletedAt == null && (d.Title != "" || d.Topic != "" || d.Script != "")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        result.GetProperty("index").GetString().Should().Be("embedded");
        result.GetProperty("indexed").GetInt32().Should().Be(live);
        result.GetProperty("total").GetInt64().Should().Be(await fixture.QueryAsync(db => db.EmbeddedVectors.LongCountAsync()));

        await using var restarted = fixture.CreateService();
        using var client = restarted.CreateClient();
        Ids(await client.GetFromJsonAsync<JsonElement>($"/api/search?q=volcanoes&topic={Uri.EscapeDataString(topic)}")).Should().Equal(project.Id);
    }

    [Fact]
    public async Task Indexing_and_queries_are_spans_of_the_service_s_own_source_tagged_with_the_project()
    {
        var topic = Unique("telemetry");
        var project = TestProject.New(topic, "Tracing a search index");
        await IndexScriptedAsync(project, "Spans.", "Every index write is a span.");
        await PostDuplicatesAsync(new { text = "Tracing a search index", excludeProjectId = project.Id });

        var spans = fixture.Spans.Ended.Where(s => s.Source.Name == "ContentMachine.search").ToList();

        spans.Where(s => s.OperationName == "search.index").Select(s => s.GetTagItem("project.id")).Should().Contain(project.Id.ToString());
        spans.Should().Contain(s => s.OperationName == "search.query" && (string?)s.GetTagItem("project.id") == project.Id.ToString()
            && (string?)s.GetTagItem("search.index") == "embedded");
    }

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=", "q")]
    [InlineData("/api/search?q=x&limit=0", "limit")]
    [InlineData("/api/search?q=x&limit=101", "limit")]
    [InlineData("/api/search?q=x&status=published", "status")]
    public async Task Invalid_search_parameters_are_a_400_naming_the_field(string url, string field)
    {
        var response = await Client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("""{"threshold":0.5}""", "text")]
    [InlineData("""{"text":"x","threshold":1.5}""", "threshold")]
    [InlineData("""{"text":"x","threshold":-0.1}""", "threshold")]
    [InlineData("""{"text":"x","limit":0}""", "limit")]
    [InlineData("""{"text":"x","excludeProjectId":"00000000-0000-0000-0000-000000000000"}""", "excludeProjectId")]
    public async Task An_invalid_duplicate_check_is_a_400_naming_the_field(string body, string field)
    {
        var response = await Client.PostAsync("/api/search/duplicates", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    private async Task<JsonElement> PostDuplicatesAsync(object body)
    {
        var response = await Client.PostAsJsonAsync("/api/search/duplicates", body);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Publishes a ProjectDeleted for a project of its own and waits for its tombstone: the index's queue is read
    /// in order, one message at a time, so every event published before it has then been handled.</summary>
    private async Task PublishMarkerAndWaitAsync()
    {
        var marker = Guid.NewGuid();
        await fixture.PublishAsync(new ProjectDeleted { ProjectId = marker });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await fixture.QueryAsync(db => db.Documents.AnyAsync(d => d.ProjectId == marker && d.DeletedAt != null)))
            await Task.Delay(100, cts.Token);
    }
}
