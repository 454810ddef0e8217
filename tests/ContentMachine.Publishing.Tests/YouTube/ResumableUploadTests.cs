using System.Diagnostics;
using ContentMachine.Publishing.Runner;
using ContentMachine.Publishing.YouTube;

namespace ContentMachine.Publishing.Tests.YouTube;

public sealed class ResumableUploadTests
{
    [Fact]
    public async Task An_upload_sends_the_adapted_metadata_and_the_server_ends_with_the_same_bytes()
    {
        await using var h = await UploadHarness.StartAsync();
        h.Sink.Server = h.Server;

        var watch = Stopwatch.StartNew();
        var result = await h.Uploader(chunkSize: 1024 * 1024).UploadAsync(new UploadRequest(Guid.NewGuid(), h.File, UploadHarness.Resource(), null), h.Credential(), h.Sink, default);
        watch.Stop();

        var session = h.Server.OnlySession;
        result.VideoId.Should().Be(session.VideoId);
        session.Received.ToArray().Should().Equal(h.FileBytes);
        session.ContentType.Should().Be("video/*");
        h.Sink.BytesWhenSessionSaved.Should().Be(0, "the session is saved before the first byte is sent");
        h.Sink.Session!.Query.Should().Contain($"upload_id={session.Id}");
        var snippet = session.Metadata.GetProperty("snippet");
        snippet.GetProperty("title").GetString().Should().Be("Five facts about owls");
        snippet.GetProperty("description").GetString().Should().Be("Owls hunt at night.\n\n#owls #birds");
        snippet.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("owls", "birds");
        snippet.GetProperty("categoryId").GetString().Should().Be("27");
        var status = session.Metadata.GetProperty("status");
        status.GetProperty("privacyStatus").GetString().Should().Be("private");
        status.GetProperty("publishAt").GetString().Should().Be("2031-01-02T03:04:05Z");
        status.GetProperty("selfDeclaredMadeForKids").GetBoolean().Should().BeFalse();
        status.GetProperty("containsSyntheticMedia").GetBoolean().Should().BeTrue();
        h.Server.ChunkPutCount.Should().Be(6, "5 MiB + 12345 bytes in 1 MiB chunks");
        Console.WriteLine($"fake upload: {result.Bytes} bytes in {watch.ElapsedMilliseconds} ms = {result.Bytes / 1048576.0 / watch.Elapsed.TotalSeconds:0.0} MiB/s");
    }

    [Fact]
    public async Task Faults_in_one_upload_a_cut_connection_500_503_a_short_range_and_a_revoked_token_still_end_byte_identical_in_one_session()
    {
        await using var h = await UploadHarness.StartAsync();
        h.Server.FailNextInitiations = 1;
        h.Server.DropMidChunkAt = 2;
        h.Server.InternalErrorAt = 4;
        h.Server.ServiceUnavailableAt = 6;
        h.Server.ShortRangeAt = 8;
        h.Server.RevokeTokensAt = 10;

        var result = await h.Uploader().UploadAsync(new UploadRequest(Guid.NewGuid(), h.File, UploadHarness.Resource(), null), h.Credential(), h.Sink, default);

        h.Server.InitiateCount.Should().Be(1);
        h.Server.OnlySession.Received.ToArray().Should().Equal(h.FileBytes);
        result.VideoId.Should().Be(h.Server.OnlySession.VideoId);
        h.Server.StatusQueryCount.Should().BeGreaterThan(0, "an interrupted chunk is followed by a status query (308 + Range)");
        h.Server.RefreshCount.Should().Be(2, "one refresh for the first token, one after the 401");
        h.Server.TokenRequests.Should().OnlyContain(r => r.Contains("grant_type=refresh_token") && r.Contains("client_id=client-1"));
    }

    [Fact]
    public async Task A_restarted_service_resumes_the_saved_session_and_the_server_sees_no_second_upload()
    {
        await using var h = await UploadHarness.StartAsync();
        var request = new UploadRequest(Guid.NewGuid(), h.File, UploadHarness.Resource(), null);
        h.Sink.StopWhen = sent => sent >= 2 * 1024 * 1024;

        var first = async () => await h.Uploader().UploadAsync(request, h.Credential(), h.Sink, default);
        await first.Should().ThrowAsync<Exception>("the first instance dies mid-upload");
        var saved = h.Sink.Session!;
        h.Server.OnlySession.Received.Length.Should().BeInRange(2 * 1024 * 1024, h.FileBytes.Length - 1);

        // A new instance: new uploader, new credential, new stream, only the saved session URI.
        var second = new UploadHarness.RecordingSink();
        var result = await h.Uploader().UploadAsync(request with { SavedSession = saved, Resource = null! }, h.Credential(), second, default);

        h.Server.InitiateCount.Should().Be(1, "the session is resumed, not started again");
        second.SessionsStarted.Should().Be(0);
        h.Server.OnlySession.Received.ToArray().Should().Equal(h.FileBytes);
        result.VideoId.Should().Be(h.Server.OnlySession.VideoId);
        result.Resource!.Snippet!.Title.Should().Be("Five facts about owls", "the server kept the first request's metadata");

        // And a crash after the last byte but before the database write: resuming again uploads nothing.
        var puts = h.Server.ChunkPutCount;
        var again = await h.Uploader().UploadAsync(request with { SavedSession = saved }, h.Credential(), new UploadHarness.RecordingSink(), default);
        again.VideoId.Should().Be(result.VideoId);
        h.Server.ChunkPutCount.Should().Be(puts);
        h.Server.InitiateCount.Should().Be(1);
    }

    [Fact]
    public async Task Quota_exceeded_is_reported_as_such_not_as_a_failure()
    {
        await using var h = await UploadHarness.StartAsync(bytes: 300_000);
        h.Server.QuotaExceededOnInitiation = true;

        var act = async () => await h.Uploader().UploadAsync(new UploadRequest(Guid.NewGuid(), h.File, UploadHarness.Resource(), null), h.Credential(), h.Sink, default);

        (await act.Should().ThrowAsync<YouTubeQuotaExceededException>()).Which.Message.Should().Contain("quotaExceeded");
        h.Server.ChunkPutCount.Should().Be(0);
    }

    [Fact]
    public async Task A_refused_refresh_token_fails_asking_to_connect_again()
    {
        await using var h = await UploadHarness.StartAsync(bytes: 300_000);
        var credential = new Google.Apis.Auth.OAuth2.UserCredential(h.Credential().Flow, "publishing", new Google.Apis.Auth.OAuth2.Responses.TokenResponse { RefreshToken = "" });

        var act = async () => await h.Uploader().UploadAsync(new UploadRequest(Guid.NewGuid(), h.File, UploadHarness.Resource(), null), credential, h.Sink, default);

        (await act.Should().ThrowAsync<PublishException>()).Which.Should().Match<PublishException>(e => e.Retryable && e.Message.Contains("connect the channel again"));
        h.Server.InitiateCount.Should().Be(0);
    }

    [Fact]
    public async Task An_expired_session_is_reported_so_that_a_new_one_is_started()
    {
        await using var h = await UploadHarness.StartAsync(bytes: 300_000);
        var gone = new Uri(h.Server.UploadBaseUri + "videos?uploadType=resumable&upload_id=expired");

        var act = async () => await h.Uploader().UploadAsync(new UploadRequest(Guid.NewGuid(), h.File, UploadHarness.Resource(), gone), h.Credential(), h.Sink, default);

        await act.Should().ThrowAsync<UploadSessionExpiredException>();
    }
}
