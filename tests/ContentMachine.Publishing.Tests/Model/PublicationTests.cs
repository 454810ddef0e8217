using System.ComponentModel.DataAnnotations;
using ContentMachine.Publishing.Options;

namespace ContentMachine.Publishing.Tests.Model;

public sealed class PublicationTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2030-06-01T12:00:00Z");
    private static PublicationContent Content(DateTimeOffset? at = null) => new("projects/p/outputs/final.mp4", null, "Owls", null, [], at);

    [Fact]
    public void A_future_publish_time_is_scheduled_and_becomes_due_once()
    {
        var p = Publication.Request(Guid.NewGuid(), Platform.Tiktok, PublishMode.Export, Content(Now.AddHours(1)), Now);

        p.Status.Should().Be(PublicationStatus.Scheduled);
        p.NextAttemptAt.Should().BeNull("the runner does not take it before its job fires");
        p.MakeDue(Now.AddHours(1)).Should().BeTrue();
        p.Status.Should().Be(PublicationStatus.Pending);
        p.MakeDue(Now.AddHours(1)).Should().BeFalse();
    }

    [Fact]
    public void A_worker_that_died_leaves_an_interrupted_attempt_and_the_session_is_kept_for_the_next()
    {
        var p = Publication.Request(Guid.NewGuid(), Platform.Youtube, PublishMode.Upload, Content(), Now);
        p.Begin("a", Now, TimeSpan.FromMinutes(5));
        p.RecordSession(new Uri("https://upload.example/s?upload_id=1"), 1000, Now, TimeSpan.FromMinutes(5));

        p.Begin("b", Now.AddMinutes(6), TimeSpan.FromMinutes(5));
        var published = p.Publish("https://www.youtube.com/shorts/x", "x", Now.AddMinutes(7));

        p.Attempts.Select(a => a.Outcome).Should().Equal("interrupted", "published");
        p.UploadSessionUri.Should().NotBeNull();
        p.LeaseOwner.Should().BeNull();
        published.Should().BeEquivalentTo(new { Platform = "youtube", PlatformId = "x", Url = "https://www.youtube.com/shorts/x", ProjectId = p.ProjectId });
    }

    [Fact]
    public void Only_a_failed_publication_can_be_retried_and_a_failure_says_whether_retrying_may_help()
    {
        var p = Publication.Request(Guid.NewGuid(), Platform.Youtube, PublishMode.Upload, Content(), Now);
        p.Retry(Now).Should().BeFalse();
        p.Begin("a", Now, TimeSpan.FromMinutes(5));

        var failed = p.Fail("YouTube is not connected", retryable: true, Now);

        failed.Should().BeEquivalentTo(new { Platform = "youtube", Reason = "YouTube is not connected", Retryable = true });
        p.Retry(Now).Should().BeTrue();
        p.Status.Should().Be(PublicationStatus.Pending);
        p.Error.Should().BeNull();
    }

    [Fact]
    public void Waiting_for_quota_is_not_a_failure_and_names_the_time()
    {
        var p = Publication.Request(Guid.NewGuid(), Platform.Youtube, PublishMode.Upload, Content(), Now);
        p.Begin("a", Now, TimeSpan.FromMinutes(5));

        p.WaitForQuota(Now.AddHours(3), "the daily YouTube quota is used up", Now);

        p.Status.Should().Be(PublicationStatus.WaitingForQuota);
        p.NextAttemptAt.Should().Be(Now.AddHours(3));
        p.FailedTries.Should().Be(0);
    }

    [Theory]
    [InlineData(1000, "ChunkSizeBytes")]
    [InlineData(300_000, "ChunkSizeBytes")]
    [InlineData(8 * 1024 * 1024, null)]
    public void The_chunk_size_must_be_a_multiple_of_256_KiB(int chunk, string? member)
    {
        var options = new YouTubeOptions { ChunkSizeBytes = chunk };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        if (member is null) valid.Should().BeTrue();
        else results.Should().Contain(r => r.MemberNames.Contains(member));
    }

    [Fact]
    public void A_refresh_token_without_a_client_and_an_unknown_quota_time_zone_are_refused()
    {
        var options = new YouTubeOptions { RefreshToken = "rt", Quota = new YouTubeQuotaOptions { WindowTimeZone = "Mars/Olympus" } };
        var results = new List<ValidationResult>();

        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true).Should().BeFalse();

        results.SelectMany(r => r.MemberNames).Should().Contain(["RefreshToken", "WindowTimeZone"]);
    }
}
