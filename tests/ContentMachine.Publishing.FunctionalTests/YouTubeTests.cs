using System.Text;
using ContentMachine.Publishing.YouTube;
using Microsoft.EntityFrameworkCore;

namespace ContentMachine.Publishing.FunctionalTests;

[Collection(PublishingCollection.Name)]
public sealed class YouTubeTests(PublishingServiceFixture fixture)
{
    private FakeSessions Sessions(string title) => new(fixture, title);

    [Fact]
    public async Task Without_a_connected_channel_youtube_fails_retryably_then_after_connecting_a_retry_publishes()
    {
        (await fixture.Client.DeleteAsync("/api/publishing/youtube/connection")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var projectId = await fixture.StoreProjectAsync();
        var title = $"Not connected {projectId:N}";

        await fixture.PublishAsync(PublishingServiceFixture.Request(projectId, title, null, "youtube"));
        var failed = await fixture.Observer.WaitForAsync<PublishFailed>(projectId, TimeSpan.FromSeconds(60));

        failed.Retryable.Should().BeTrue();
        failed.Reason.Should().Be(YouTubePublisher.NotConnected);
        var publication = await fixture.WaitForPublicationAsync(projectId, "youtube", p => p.GetProperty("status").GetString() == "failed");

        await fixture.ConnectYouTubeAsync();
        var retry = await fixture.Client.PostAsync($"/api/publishing/publications/{publication.GetProperty("id").GetGuid()}/retry", null);
        retry.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var published = await fixture.Observer.WaitForAsync<VideoPublished>(projectId, TimeSpan.FromSeconds(60));

        published.PlatformId.Should().Be(Sessions(title).Single().VideoId);
        published.Url.Should().Be($"https://www.youtube.com/shorts/{published.PlatformId}");
        var details = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/publishing/publications/{publication.GetProperty("id").GetGuid()}");
        details.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("outcome").GetString()).Should().Equal("failed", "published");
        (await fixture.Client.PostAsync($"/api/publishing/publications/{publication.GetProperty("id").GetGuid()}/retry", null)).StatusCode
            .Should().Be(HttpStatusCode.Conflict, "only a failed publication can be retried");
    }

    [Fact]
    public async Task The_same_request_delivered_twice_and_asked_again_makes_one_publication_and_one_upload()
    {
        await fixture.ConnectYouTubeAsync();
        var projectId = await fixture.StoreProjectAsync();
        var title = $"Redelivered {projectId:N}";
        var request = PublishingServiceFixture.Request(projectId, title, null, "youtube");

        await fixture.PublishAsync(request);
        await fixture.PublishAsync(request);
        await fixture.PublishAsync(request with { EventId = Guid.NewGuid() });
        await fixture.Observer.WaitForAsync<VideoPublished>(projectId, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3)); // time for a duplicate to show, if there were one

        fixture.Observer.Of<VideoPublished>(projectId).Should().ContainSingle();
        Sessions(title).Should().ContainSingle("one upload session for the video");
        (await fixture.QueryAsync(db => db.Publications.CountAsync(p => p.ProjectId == projectId))).Should().Be(1);
        var session = Sessions(title).Single();
        session.Received.ToArray().Should().Equal(await File.ReadAllBytesAsync(fixture.SmallVideo));
        var snippet = session.Metadata.GetProperty("snippet");
        snippet.GetProperty("description").GetString().Should().Be("Owls hunt at night. Silent wings.\n\n#owls #birds #nature");
        session.Metadata.GetProperty("status").GetProperty("containsSyntheticMedia").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task A_service_restarted_mid_upload_resumes_the_same_session_and_youtube_sees_no_second_upload()
    {
        await fixture.ConnectYouTubeAsync();
        var projectId = await fixture.StoreProjectAsync(fixture.LargeVideo);
        var title = $"Restarted {projectId:N}";
        fixture.YouTube.StallFrom = fixture.YouTube.ChunkPutCount + 3;
        var stalled = fixture.YouTube.StallReached;

        await fixture.PublishAsync(PublishingServiceFixture.Request(projectId, title, null, "youtube"));
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var midway = await fixture.WaitForPublicationAsync(projectId, "youtube", p => p.GetProperty("upload").ValueKind == JsonValueKind.Object
            && p.GetProperty("upload").GetProperty("bytesSent").GetInt64() > 0);
        midway.GetProperty("upload").GetProperty("hasSession").GetBoolean().Should().BeTrue();

        await fixture.RestartAsync(whileStopped: () =>
        {
            fixture.YouTube.ReleaseStall();
            return Task.CompletedTask;
        });
        var published = await fixture.Observer.WaitForAsync<VideoPublished>(projectId, TimeSpan.FromSeconds(90));

        Sessions(title).Should().ContainSingle("the new instance resumed the saved session");
        Sessions(title).Single().Received.ToArray().Should().Equal(await File.ReadAllBytesAsync(fixture.LargeVideo));
        published.PlatformId.Should().Be(Sessions(title).Single().VideoId);
        var details = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/publishing/publications/{midway.GetProperty("id").GetGuid()}");
        details.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("outcome").GetString()).Should().Equal("interrupted", "published");
    }

    [Fact]
    public async Task A_publish_over_the_daily_quota_waits_for_the_next_window_and_says_so()
    {
        await fixture.ConnectYouTubeAsync();
        var quota = await fixture.Client.GetFromJsonAsync<JsonElement>("/api/publishing/youtube/quota");
        var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(fixture.Stack.ConnectionString("redis"));
        var unitsKey = $"publishing:youtube:quota:{quota.GetProperty("window").GetString()}:units";
        var before = await redis.GetDatabase().StringGetAsync(unitsKey);
        await redis.GetDatabase().StringSetAsync(unitsKey, quota.GetProperty("unitsPerDay").GetInt32());
        try
        {
            var projectId = await fixture.StoreProjectAsync();
            await fixture.PublishAsync(PublishingServiceFixture.Request(projectId, $"Quota {projectId:N}", null, "youtube"));

            var waiting = await fixture.WaitForPublicationAsync(projectId, "youtube", p => p.GetProperty("status").GetString() == "waitingForQuota");

            waiting.GetProperty("nextAttemptAt").GetDateTimeOffset().Should().Be(quota.GetProperty("resetsAt").GetDateTimeOffset());
            waiting.GetProperty("error").GetString().Should().Contain("quota");
            fixture.Observer.Of<PublishFailed>(projectId).Should().BeEmpty("waiting for quota is not a failure");
            Sessions($"Quota {projectId:N}").Should().BeEmpty();
        }
        finally
        {
            if (before.IsNull) await redis.GetDatabase().KeyDeleteAsync(unitsKey);
            else await redis.GetDatabase().StringSetAsync(unitsKey, before);
            redis.Dispose();
        }
    }

    [Fact]
    public async Task Connecting_exchanges_the_code_stores_the_refresh_token_encrypted_and_disconnecting_forgets_it()
    {
        var start = await (await fixture.Client.PostAsJsonAsync("/api/publishing/youtube/connect", new { redirectUri = "https://example.test/cb" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var url = start.GetProperty("authorizationUrl").GetString()!;
        url.Should().StartWith(fixture.YouTube.BaseUri + "auth?").And.Contain("client_id=client-1").And.Contain("access_type=offline")
            .And.Contain(Uri.EscapeDataString("https://www.googleapis.com/auth/youtube.upload"));

        var badState = await fixture.Client.GetAsync("/api/publishing/youtube/callback?code=x&state=forged");
        badState.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badState.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("state", out _).Should().BeTrue();
        var badCode = await fixture.Client.GetAsync($"/api/publishing/youtube/callback?code=wrong&state={Uri.EscapeDataString(start.GetProperty("state").GetString()!)}");
        badCode.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var callback = await fixture.Client.GetAsync($"/api/publishing/youtube/callback?code=good-code&state={Uri.EscapeDataString(start.GetProperty("state").GetString()!)}");
        callback.StatusCode.Should().Be(HttpStatusCode.OK);
        fixture.YouTube.TokenRequests.Should().Contain(r => r.Contains("grant_type=authorization_code") && r.Contains("code=good-code")
            && r.Contains("redirect_uri=https://example.test/cb") && r.Contains("client_secret=secret-1"));
        var stored = await fixture.QueryAsync(db => db.YouTubeConnections.SingleAsync());
        stored.ProtectedRefreshToken.Should().NotBeNullOrEmpty().And.NotContain("refresh-from-code");
        (await fixture.Client.GetFromJsonAsync<JsonElement>("/api/publishing/youtube/connection")).GetProperty("connected").GetBoolean().Should().BeTrue();
        fixture.Logs.Entries.Should().NotContain(e => e.Message.Contains("refresh-from-code") || e.Message.Contains("secret-1"), "secrets are never logged");

        (await fixture.Client.DeleteAsync("/api/publishing/youtube/connection")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await fixture.Client.GetFromJsonAsync<JsonElement>("/api/publishing/youtube/connection")).GetProperty("connected").GetBoolean().Should().BeFalse();
    }

    private sealed class FakeSessions(PublishingServiceFixture fixture, string title) : IEnumerable<Tests.Fakes.FakeYouTubeServer.Session>
    {
        public IEnumerator<Tests.Fakes.FakeYouTubeServer.Session> GetEnumerator() => fixture.YouTube.Sessions
            .Where(s => s.Metadata.GetProperty("snippet").GetProperty("title").GetString() == title).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
