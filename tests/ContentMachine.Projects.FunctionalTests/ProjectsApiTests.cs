using System.Text;
using ContentMachine.Contracts;

namespace ContentMachine.Projects.FunctionalTests;

[Collection(ProjectsCollection.Name)]
public class ProjectsApiTests(ProjectsServiceFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    private async Task<JsonElement> CreateAsync(object body)
    {
        var response = await _client.PostAsJsonAsync("/api/projects", body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Guid Id(JsonElement project) => project.GetProperty("id").GetGuid();

    private static string Status(JsonElement project) => project.GetProperty("status").GetString()!;

    [Fact]
    public async Task A_created_project_is_queued_with_defaults_and_submitted_to_the_pipeline()
    {
        var response = await _client.PostAsJsonAsync("/api/projects", new { topic = "  Five facts about octopuses  " });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = Id(created);
        response.Headers.Location!.OriginalString.Should().Be($"/api/projects/{id}");
        Status(created).Should().Be("queued");
        created.GetProperty("topic").GetString().Should().Be("Five facts about octopuses");
        created.GetProperty("attempt").GetInt32().Should().Be(1);
        created.GetProperty("options").GetProperty("archetype").GetString().Should().Be("listicle");
        created.GetProperty("options").GetProperty("durationSeconds").GetInt32().Should().Be(45);
        created.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString())
            .Should().Equal("script", "narration", "visuals", "render", "cover", "store");
        created.GetProperty("stages").EnumerateArray().Should().OnlyContain(s => s.GetProperty("status").GetString() == "pending");

        await fixture.Observer.WaitUntilAsync(r => r.OfType<ProjectSubmitted>().Any(e => e.ProjectId == id), EventTimeout);
        var submitted = fixture.Observer.Of<ProjectSubmitted>(id).Should().ContainSingle().Subject;
        submitted.RunId.Should().Be(created.GetProperty("runId").GetGuid());
        submitted.Attempt.Should().Be(1);
        submitted.Topic.Should().Be("Five facts about octopuses");

        var read = await _client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        read.GetProperty("id").GetGuid().Should().Be(id);
    }

    [Fact]
    public async Task Options_are_stored_as_given()
    {
        var publishAt = DateTimeOffset.UtcNow.AddDays(2);

        var created = await CreateAsync(new
        {
            topic = "Cats versus dogs",
            options = new
            {
                archetype = "versus", durationSeconds = 60, voice = "en-gb-male", visualStyle = "dark", platforms = new[] { "youtube", "tiktok" },
                autoPublish = true, publishAt, mediaIds = new[] { Guid.NewGuid() }, seed = 7,
            },
        });

        var options = created.GetProperty("options");
        options.GetProperty("archetype").GetString().Should().Be("versus");
        options.GetProperty("durationSeconds").GetInt32().Should().Be(60);
        options.GetProperty("voice").GetString().Should().Be("en-gb-male");
        options.GetProperty("language").GetString().Should().Be("en");
        options.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()).Should().Equal("youtube", "tiktok");
        options.GetProperty("autoPublish").GetBoolean().Should().BeTrue();
        options.GetProperty("publishAt").GetDateTimeOffset().Should().BeCloseTo(publishAt, TimeSpan.FromMilliseconds(1));
        options.GetProperty("seed").GetInt32().Should().Be(7);
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { "{}", "topic" },
        { """{"topic": "    "}""", "topic" },
        { """{"topic": "ab"}""", "topic" },
        { $$"""{"topic": "{{new string('x', 201)}}"}""", "topic" },
        { """{"topic": 42}""", "topic" },
        { """{"topic": "Octopus", "options": {"archetype": "vlog"}}""", "options.archetype" },
        { """{"topic": "Octopus", "options": {"durationSeconds": 10}}""", "options.durationSeconds" },
        { """{"topic": "Octopus", "options": {"durationSeconds": 181}}""", "options.durationSeconds" },
        { """{"topic": "Octopus", "options": {"durationSeconds": "long"}}""", "options.durationSeconds" },
        { """{"topic": "Octopus", "options": {"voice": "robot"}}""", "options.voice" },
        { """{"topic": "Octopus", "options": {"language": "fr"}}""", "options.language" },
        { """{"topic": "Octopus", "options": {"visualStyle": "neon"}}""", "options.visualStyle" },
        { """{"topic": "Octopus", "options": {"onDuplicate": "ignore"}}""", "options.onDuplicate" },
        { """{"topic": "Octopus", "options": {"platforms": ["myspace"]}}""", "options.platforms" },
        { """{"topic": "Octopus", "options": {"platforms": ["youtube", "YouTube"]}}""", "options.platforms" },
        { """{"topic": "Octopus", "options": {"autoPublish": true}}""", "options.platforms" },
        { """{"topic": "Octopus", "options": {"publishAt": "2001-01-01T00:00:00Z"}}""", "options.publishAt" },
        { """{"topic": "Octopus", "options": {"mediaIds": ["00000000-0000-0000-0000-000000000000"]}}""", "options.mediaIds" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Every_invalid_field_is_a_400_naming_it_and_nothing_is_stored(string body, string field)
    {
        var before = await fixture.CountProjectsAsync();

        var response = await _client.PostAsync("/api/projects", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal(field);
        (await fixture.CountProjectsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_draft_is_not_submitted_until_asked()
    {
        var draft = await CreateAsync(new { topic = "A draft about bees", draft = true });
        var id = Id(draft);
        Status(draft).Should().Be("draft");

        var submitted = await _client.PostAsync($"/api/projects/{id}/submit", null);

        submitted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Status(await submitted.Content.ReadFromJsonAsync<JsonElement>()).Should().Be("queued");
        await fixture.Observer.WaitUntilAsync(r => r.OfType<ProjectSubmitted>().Any(e => e.ProjectId == id), EventTimeout);
        (await _client.PostAsync($"/api/projects/{id}/submit", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_return_the_same_project_and_another_body_is_a_409()
    {
        var key = Guid.NewGuid().ToString();
        var before = await fixture.CountProjectsAsync();
        async Task<HttpResponseMessage> Post(string topic)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/projects") { Content = JsonContent.Create(new { topic }) };
            request.Headers.Add("Idempotency-Key", key);
            return await _client.SendAsync(request);
        }

        var first = await Post("Idempotent octopus");
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Post("Idempotent octopus")));
        var different = await Post("Another topic entirely");

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = Id(await first.Content.ReadFromJsonAsync<JsonElement>());
        foreach (var again in concurrent)
        {
            again.StatusCode.Should().Be(HttpStatusCode.Created);
            Id(await again.Content.ReadFromJsonAsync<JsonElement>()).Should().Be(id);
        }
        different.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await fixture.CountProjectsAsync()).Should().Be(before + 1);
    }

    [Fact]
    public async Task A_batch_of_100_topics_is_accepted_and_every_project_is_submitted()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var topics = Enumerable.Range(1, 100).Select(i => $"Batch {marker} topic {i}").ToList();

        var response = await _client.PostAsJsonAsync("/api/projects/batch", new { topics, options = new { durationSeconds = 30 } });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var ids = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(i => i.GetGuid()).ToList();
        ids.Should().HaveCount(100).And.OnlyHaveUniqueItems();
        await fixture.Observer.WaitUntilAsync(r => ids.All(id => r.OfType<ProjectSubmitted>().Any(e => e.ProjectId == id)), EventTimeout);
        ids.Should().OnlyContain(id => fixture.Observer.Of<ProjectSubmitted>(id).Single().Options.DurationSeconds == 30);
        var page = await _client.GetFromJsonAsync<JsonElement>($"/api/projects?q={marker}&limit=100");
        page.GetProperty("total").GetInt32().Should().Be(100);
    }

    [Theory]
    [InlineData("""{"topics": []}""", "topics")]
    [InlineData("""{"topics": ["ok topic", "ab"]}""", "topics[1]")]
    [InlineData("""{"items": [{"topic": "fine topic"}, {"topic": "fine too", "options": {"voice": "robot"}}]}""", "items[1].options.voice")]
    [InlineData("""{"topics": ["a topic"], "items": [{"topic": "b topic"}]}""", "topics")]
    public async Task An_invalid_batch_names_the_entry_and_stores_nothing(string body, string field)
    {
        var before = await fixture.CountProjectsAsync();

        var response = await _client.PostAsync("/api/projects/batch", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Contain(field);
        (await fixture.CountProjectsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_batch_over_100_is_refused()
    {
        var response = await _client.PostAsJsonAsync("/api/projects/batch", new { topics = Enumerable.Range(0, 101).Select(i => $"topic {i}") });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("topics", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Listing_filters_by_text_status_and_creation_time_and_pages_newest_first()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var first = Id(await CreateAsync(new { topic = $"List {marker} one" }));
        var cutoff = DateTimeOffset.UtcNow;
        var second = Id(await CreateAsync(new { topic = $"List {marker} two" }));
        var third = Id(await CreateAsync(new { topic = $"List {marker} three", draft = true }));

        async Task<JsonElement> List(string query) => await _client.GetFromJsonAsync<JsonElement>($"/api/projects?q={marker}{query}");
        static IEnumerable<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());

        Ids(await List("")).Should().Equal(third, second, first);
        Ids(await List("&status=draft")).Should().Equal(third);
        Ids(await List("&status=queued,draft")).Should().Equal(third, second, first);
        Ids(await List($"&createdAfter={Uri.EscapeDataString(cutoff.ToString("O"))}")).Should().Equal(third, second);
        var page1 = await List("&limit=2");
        Ids(page1).Should().Equal(third, second);
        page1.GetProperty("total").GetInt32().Should().Be(3);
        var cursor = page1.GetProperty("nextCursor").GetString();
        var page2 = await List($"&limit=2&cursor={cursor}");
        Ids(page2).Should().Equal(first);
        page2.TryGetProperty("nextCursor", out var none).Should().BeFalse(none.ToString());
    }

    [Theory]
    [InlineData("status=sleeping", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Bad_list_parameters_are_a_400_naming_them(string query, string field)
    {
        var response = await _client.GetAsync($"/api/projects?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal(field);
    }

    [Fact]
    public async Task An_unknown_project_is_a_404_problem_everywhere()
    {
        var id = Guid.NewGuid();

        foreach (var response in new[]
        {
            await _client.GetAsync($"/api/projects/{id}"), await _client.DeleteAsync($"/api/projects/{id}"),
            await _client.PostAsync($"/api/projects/{id}/cancel", null), await _client.GetAsync($"/api/projects/{id}/video"),
            await _client.GetAsync($"/api/projects/{id}/events"), await _client.PatchAsJsonAsync($"/api/projects/{id}", new { title = "x" }),
        })
        {
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
    }

    [Fact]
    public async Task A_get_carries_an_etag_and_answers_304_when_unchanged()
    {
        var id = Id(await CreateAsync(new { topic = "Etag topic" }));

        var first = await _client.GetAsync($"/api/projects/{id}");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{id}");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        (await _client.SendAsync(conditional)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task A_draft_can_be_edited_and_a_queued_project_cannot()
    {
        var draft = await CreateAsync(new { topic = "Editable draft", draft = true });
        var queued = await CreateAsync(new { topic = "Queued project" });

        var edited = await _client.PatchAsJsonAsync($"/api/projects/{Id(draft)}",
            new { title = "A better title", options = new { durationSeconds = 90 }, version = draft.GetProperty("version").GetString() });
        var refused = await _client.PatchAsJsonAsync($"/api/projects/{Id(queued)}", new { title = "Too late" });

        edited.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await edited.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("title").GetString().Should().Be("A better title");
        body.GetProperty("options").GetProperty("durationSeconds").GetInt32().Should().Be(90);
        body.GetProperty("options").GetProperty("archetype").GetString().Should().Be("listicle", "unchanged options keep their values");
        body.GetProperty("version").GetString().Should().NotBe(draft.GetProperty("version").GetString());
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_concurrent_patches_with_the_same_version_one_succeeds_one_is_a_409()
    {
        var draft = await CreateAsync(new { topic = "Contested draft", draft = true });
        var version = draft.GetProperty("version").GetString();

        var results = await Task.WhenAll(
            _client.PatchAsJsonAsync($"/api/projects/{Id(draft)}", new { title = "First writer", version }),
            _client.PatchAsJsonAsync($"/api/projects/{Id(draft)}", new { title = "Second writer", version }));

        results.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var stale = await _client.PatchAsJsonAsync($"/api/projects/{Id(draft)}", new { title = "Stale writer", version });
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        using var ifMatch = new HttpRequestMessage(HttpMethod.Patch, $"/api/projects/{Id(draft)}") { Content = JsonContent.Create(new { title = "Also stale" }) };
        ifMatch.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        (await _client.SendAsync(ifMatch)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancelling_stops_the_run_and_retrying_resumes_it_under_the_next_attempt()
    {
        var project = await CreateAsync(new { topic = "Cancel then retry" });
        var id = Id(project);

        var cancelled = await _client.PostAsync($"/api/projects/{id}/cancel", null);
        var again = await _client.PostAsync($"/api/projects/{id}/cancel", null);
        var retried = await _client.PostAsync($"/api/projects/{id}/retry", null);
        var retriedAgain = await _client.PostAsync($"/api/projects/{id}/retry", null);

        cancelled.StatusCode.Should().Be(HttpStatusCode.Accepted);
        Status(await cancelled.Content.ReadFromJsonAsync<JsonElement>()).Should().Be("cancelled");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        retried.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var body = await retried.Content.ReadFromJsonAsync<JsonElement>();
        Status(body).Should().Be("queued");
        body.GetProperty("attempt").GetInt32().Should().Be(2);
        retriedAgain.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await fixture.Observer.WaitUntilAsync(r => r.OfType<ProjectSubmitted>().Count(e => e.ProjectId == id) == 2, EventTimeout);
        fixture.Observer.Of<ProjectCancellationRequested>(id).Should().ContainSingle().Which.Attempt.Should().Be(1);
        fixture.Observer.Received.Where(e => e.ProjectId == id).Select(e => e.GetType().Name).Should()
            .Equal(["ProjectSubmitted", "ProjectCancellationRequested", "ProjectSubmitted"], "a project's events leave in the order they happened");
        fixture.Observer.Of<ProjectSubmitted>(id).Select(e => (e.Attempt, e.RunId)).Should()
            .Equal((1, project.GetProperty("runId").GetGuid()), (2, project.GetProperty("runId").GetGuid()));
    }

    [Fact]
    public async Task Deleting_a_queued_project_cancels_it_and_announces_the_deletion()
    {
        var id = Id(await CreateAsync(new { topic = "Soon deleted" }));

        var deleted = await _client.DeleteAsync($"/api/projects/{id}");

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _client.GetAsync($"/api/projects/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await fixture.Observer.WaitUntilAsync(r => r.OfType<ProjectDeleted>().Any(e => e.ProjectId == id), EventTimeout);
        fixture.Observer.Of<ProjectCancellationRequested>(id).Should().ContainSingle();
    }

    [Fact]
    public async Task Publishing_and_the_video_need_a_rendered_project()
    {
        var id = Id(await CreateAsync(new { topic = "Not rendered yet" }));

        var publish = await _client.PostAsJsonAsync($"/api/projects/{id}/publish", new { platforms = new[] { "youtube" } });
        var video = await _client.GetAsync($"/api/projects/{id}/video");
        var badPlatforms = await _client.PostAsJsonAsync($"/api/projects/{id}/publish", new { platforms = Array.Empty<string>() });

        publish.StatusCode.Should().Be(HttpStatusCode.Conflict);
        video.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await video.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("not rendered yet");
        badPlatforms.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
