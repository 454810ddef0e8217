namespace ContentMachine.Projects.FunctionalTests;

[Collection(ProjectsCollection.Name)]
public class ProjectsApiTests(ProjectsServiceFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateClient();

    [Fact]
    public async Task Creating_a_project_answers_201_with_its_location_id_and_status_and_it_reads_back()
    {
        var response = await _client.PostAsJsonAsync("/api/projects", new { topic = "  Five facts about octopuses  " });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = created.GetProperty("id").GetGuid();
        response.Headers.Location!.OriginalString.Should().Be($"/api/projects/{id}");
        created.GetProperty("status").GetString().Should().Be("draft");
        created.GetProperty("topic").GetString().Should().Be("Five facts about octopuses");

        var read = JsonDocument.Parse(await _client.GetStringAsync(response.Headers.Location)).RootElement;
        read.GetProperty("id").GetGuid().Should().Be(id);
        read.GetProperty("title").GetString().Should().Be("Five facts about octopuses");
        read.GetProperty("createdAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_long_topic_keeps_a_title_within_100_characters()
    {
        var topic = string.Join(' ', Enumerable.Repeat("octopus", 30))[..200];

        var created = await (await _client.PostAsJsonAsync("/api/projects", new { topic })).Content.ReadFromJsonAsync<JsonElement>();

        created.GetProperty("topic").GetString().Should().Be(topic.Trim());
        created.GetProperty("title").GetString()!.Length.Should().BeLessThanOrEqualTo(100);
    }

    [Fact]
    public async Task An_unknown_project_is_a_404_problem()
    {
        var response = await _client.GetAsync($"/api/projects/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("Project not found");
    }

    public static TheoryData<string> InvalidBodies => new()
    {
        "{}",
        """{"topic": null}""",
        """{"topic": ""}""",
        """{"topic": "    "}""",
        """{"topic": "ab"}""",
        $$"""{"topic": "{{new string('x', 201)}}"}""",
        """{"topic": 42}""",
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_topic_is_a_400_naming_the_field_and_nothing_is_stored(string body)
    {
        var before = await fixture.CountProjectsAsync();

        var response = await _client.PostAsync("/api/projects", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal("topic");
        (await fixture.CountProjectsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Health_reports_its_database_and_broker_healthy()
    {
        var response = await _client.GetAsync("/health");
        var checks = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        checks.Should().Contain("projectsdb", "Healthy").And.Contain("messaging", "Healthy");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        document.GetProperty("info").GetProperty("title").GetString().Should().Contain("projects");
        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/projects", out var create).Should().BeTrue();
        create.GetProperty("post").GetProperty("summary").GetString().Should().Be("Create a project from a topic");
        paths.TryGetProperty("/api/projects/{id}", out _).Should().BeTrue();
    }
}
