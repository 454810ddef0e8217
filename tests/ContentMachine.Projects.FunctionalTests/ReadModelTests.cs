using ContentMachine.Contracts;
using ContentMachine.ServiceDefaults.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace ContentMachine.Projects.FunctionalTests;

/// <summary>Pipeline and publishing events delivered through RabbitMQ move the project forward: once each, never back.</summary>
[Collection(ProjectsCollection.Name)]
public class ReadModelTests(ProjectsServiceFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<(JsonElement Project, PipelineEvents Events)> CreateAsync(object body)
    {
        var project = await (await _client.PostAsJsonAsync("/api/projects", body)).Content.ReadFromJsonAsync<JsonElement>();
        return (project, new PipelineEvents(project));
    }

    private static string Status(JsonElement p) => p.GetProperty("status").GetString()!;

    private static JsonElement Stage(JsonElement p, string name) =>
        p.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Stage_events_script_and_video_move_the_project_to_rendered()
    {
        var (_, events) = await CreateAsync(new { topic = "Rendered in order" });

        await fixture.PublishAsync(events.Started("script"));
        var running = await fixture.WaitForProjectAsync(events.ProjectId, p => Status(p) == "running");
        await fixture.PublishAsync(events.Completed("script", 15));
        await fixture.PublishAsync(events.Script("Octopuses, explained", scenes: 4));
        await fixture.PublishAsync(events.Rendered());
        var rendered = await fixture.WaitForProjectAsync(events.ProjectId, p => Status(p) == "rendered");

        Stage(running, "script").GetProperty("status").GetString().Should().Be("running");
        Stage(rendered, "script").GetProperty("status").GetString().Should().Be("completed");
        rendered.GetProperty("progress").GetInt32().Should().Be(100);
        rendered.GetProperty("title").GetString().Should().Be("Octopuses, explained");
        rendered.GetProperty("scenes").GetArrayLength().Should().Be(4);
        rendered.GetProperty("hashtags").EnumerateArray().Select(h => h.GetString()).Should().Equal("#octopus", "#facts");
        var video = rendered.GetProperty("video");
        video.GetProperty("width").GetInt32().Should().Be(1080);
        var redirect = await _client.GetAsync($"/api/projects/{events.ProjectId}/video");
        redirect.StatusCode.Should().Be(HttpStatusCode.Redirect);
        redirect.Headers.Location!.OriginalString.Should().Be($"/api/storage/objects/projects/{events.ProjectId}/outputs/final.mp4");
    }

    [Fact]
    public async Task A_suspected_duplicate_is_shown_as_a_warning_once_and_the_project_goes_on()
    {
        var (_, events) = await CreateAsync(new { topic = "Octopus hearts, again" });
        var similar = Guid.NewGuid();

        await fixture.PublishAsync(events.Started("render"));
        await fixture.PublishAsync(events.Duplicate(similar, 0.93, "Why octopuses have three hearts"));
        await fixture.PublishAsync(events.Duplicate(similar, 0.93, "Why octopuses have three hearts") with { EventId = Guid.NewGuid() });
        await fixture.PublishAsync(events.Rendered());
        var rendered = await fixture.WaitForProjectAsync(events.ProjectId, p => Status(p) == "rendered" && p.GetProperty("warnings").GetArrayLength() > 0);

        rendered.GetProperty("warnings").EnumerateArray().Should().ContainSingle()
            .Which.GetString().Should().Contain(similar.ToString()).And.Contain("Why octopuses have three hearts").And.Contain("93");
    }

    [Fact]
    public async Task The_same_event_delivered_twice_changes_the_project_once()
    {
        var (_, events) = await CreateAsync(new { topic = "Delivered twice" });
        var completed = events.Completed("script", 20);

        await fixture.PublishAsync(completed);
        await fixture.WaitForProjectAsync(events.ProjectId, p => p.GetProperty("progress").GetInt32() == 20);
        var revision = await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == events.ProjectId).Select(p => p.Revision).SingleAsync());
        await fixture.PublishAsync(completed);
        await fixture.PublishAsync(events.Completed("narration", 40)); // queued behind the duplicate on the same endpoint
        await fixture.WaitForProjectAsync(events.ProjectId, p => p.GetProperty("progress").GetInt32() == 40);

        var handled = await fixture.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.EventId == completed.EventId));
        handled.Should().Be(1);
        (await fixture.QueryAsync(db => db.Projects.Where(p => p.Id == events.ProjectId).Select(p => p.Revision).SingleAsync()))
            .Should().Be(revision + 1, "only the narration event changed the project after the first delivery");
    }

    [Fact]
    public async Task Events_out_of_order_end_in_the_right_status()
    {
        var (_, events) = await CreateAsync(new { topic = "Out of order" });

        await fixture.PublishAsync(events.Rendered());
        await fixture.PublishAsync(events.Completed("render", 80));
        await fixture.PublishAsync(events.Started("script"));
        await fixture.PublishAsync(events.Completed("script", 10));
        var project = await fixture.WaitForProjectAsync(events.ProjectId, p => Stage(p, "script").GetProperty("status").GetString() == "completed");

        Status(project).Should().Be("rendered");
        project.GetProperty("progress").GetInt32().Should().Be(100);
        Stage(project, "render").GetProperty("status").GetString().Should().Be("completed");
    }

    [Fact]
    public async Task A_failure_is_shown_and_a_retry_resumes_from_the_failed_stage_ignoring_the_old_attempt()
    {
        var (_, events) = await CreateAsync(new { topic = "Fails at narration" });
        await fixture.PublishAsync(events.Completed("script", 15));
        await fixture.PublishAsync(events.Failed("narration", "espeak-ng is not installed"));
        var failed = await fixture.WaitForProjectAsync(events.ProjectId, p => Status(p) == "failed");

        var retried = await (await _client.PostAsync($"/api/projects/{events.ProjectId}/retry", null)).Content.ReadFromJsonAsync<JsonElement>();
        await fixture.PublishAsync(events.Failed("narration", "a late failure of attempt 1"));
        await fixture.PublishAsync(new PipelineEvents(retried).Started("narration"));
        var resumed = await fixture.WaitForProjectAsync(events.ProjectId, p => Status(p) == "running");

        failed.GetProperty("failure").GetProperty("stage").GetString().Should().Be("narration");
        failed.GetProperty("failure").GetProperty("reason").GetString().Should().Be("espeak-ng is not installed");
        Stage(failed, "narration").GetProperty("error").GetString().Should().Be("espeak-ng is not installed");
        Status(retried).Should().Be("queued");
        Stage(retried, "script").GetProperty("status").GetString().Should().Be("completed", "completed stages keep their checkpoints");
        Stage(retried, "narration").GetProperty("status").GetString().Should().Be("pending");
        resumed.GetProperty("attempt").GetInt32().Should().Be(2);
        resumed.TryGetProperty("failure", out _).Should().BeFalse("the stale failure of attempt 1 was ignored");
    }

    [Fact]
    public async Task A_cancelled_project_stays_cancelled_whatever_its_run_still_reports()
    {
        var (_, events) = await CreateAsync(new { topic = "Cancelled mid-way" });
        var (_, marker) = await CreateAsync(new { topic = "Marker project" });
        await _client.PostAsync($"/api/projects/{events.ProjectId}/cancel", null);

        await fixture.PublishAsync(events.Started("render"));
        await fixture.PublishAsync(events.Rendered());
        await fixture.PublishAsync(events.Cancelled());
        await fixture.PublishAsync(events.Completed("script", 30));
        // The read model's consumers share one queue, handled in order: once the marker is applied, so are the others.
        await fixture.PublishAsync(marker.Started("script"));
        await fixture.WaitForProjectAsync(marker.ProjectId, p => Status(p) == "running");

        var project = await _client.GetFromJsonAsync<JsonElement>($"/api/projects/{events.ProjectId}");
        Status(project).Should().Be("cancelled");
        project.TryGetProperty("video", out _).Should().BeFalse();
        Stage(project, "render").GetProperty("status").GetString().Should().Be("pending");
    }

    [Fact]
    public async Task Auto_publish_requests_publishing_when_rendered_and_publications_complete_the_project()
    {
        var (_, events) = await CreateAsync(new { topic = "Auto published", options = new { autoPublish = true, platforms = new[] { "youtube", "tiktok" } } });

        await fixture.PublishAsync(events.Rendered());
        var publishing = await fixture.WaitForProjectAsync(events.ProjectId, p => Status(p) == "publishing");
        await fixture.Observer.WaitUntilAsync(r => r.OfType<PublishRequested>().Any(e => e.ProjectId == events.ProjectId), TimeSpan.FromSeconds(30));
        await fixture.PublishAsync(events.Published("youtube"));
        await fixture.PublishAsync(events.Published("tiktok"));
        var published = await fixture.WaitForProjectAsync(events.ProjectId, p => Status(p) == "published");

        publishing.GetProperty("publications").EnumerateArray().Select(p => p.GetProperty("status").GetString()).Should().Equal("pending", "pending");
        var request = fixture.Observer.Of<PublishRequested>(events.ProjectId).Should().ContainSingle().Subject;
        request.Platforms.Should().Equal("youtube", "tiktok");
        request.VideoKey.Should().EndWith("/outputs/final.mp4");
        published.GetProperty("publications").EnumerateArray().Select(p => p.GetProperty("url").GetString())
            .Should().OnlyContain(url => url!.StartsWith("https://example.test/"));
    }

    [Fact]
    public async Task A_failed_publication_fails_the_project_and_a_retry_requests_it_again()
    {
        var (_, events) = await CreateAsync(new { topic = "Publishing fails" });
        await fixture.PublishAsync(events.Rendered());
        await fixture.WaitForProjectAsync(events.ProjectId, p => Status(p) == "rendered");

        var publish = await _client.PostAsJsonAsync($"/api/projects/{events.ProjectId}/publish", new { platforms = new[] { "youtube" } });
        await fixture.PublishAsync(events.PublishFailed("youtube", "quota exceeded"));
        var failed = await fixture.WaitForProjectAsync(events.ProjectId, p => Status(p) == "failed");
        var retried = await _client.PostAsync($"/api/projects/{events.ProjectId}/retry", null);

        publish.StatusCode.Should().Be(HttpStatusCode.Accepted);
        failed.GetProperty("failure").GetProperty("stage").GetString().Should().Be("publish");
        failed.GetProperty("failure").GetProperty("reason").GetString().Should().Contain("quota exceeded");
        Status(await retried.Content.ReadFromJsonAsync<JsonElement>()).Should().Be("publishing");
        await fixture.Observer.WaitUntilAsync(r => r.OfType<PublishRequested>().Count(e => e.ProjectId == events.ProjectId) == 2, TimeSpan.FromSeconds(30));
    }
}
