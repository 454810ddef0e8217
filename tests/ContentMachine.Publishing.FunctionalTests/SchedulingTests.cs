using Microsoft.EntityFrameworkCore;

namespace ContentMachine.Publishing.FunctionalTests;

[Collection(PublishingCollection.Name)]
public sealed class SchedulingTests(PublishingServiceFixture fixture)
{
    [Fact]
    public async Task A_publication_scheduled_a_few_seconds_ahead_fires_after_a_service_restart()
    {
        var projectId = await fixture.StoreProjectAsync();
        var publishAt = DateTimeOffset.UtcNow.AddSeconds(8);

        await fixture.PublishAsync(PublishingServiceFixture.Request(projectId, "Scheduled owls", publishAt, "tiktok"));
        var scheduled = await fixture.WaitForPublicationAsync(projectId, "tiktok", p => p.GetProperty("status").GetString() == "scheduled");
        await fixture.RestartAsync();
        var published = await fixture.Observer.WaitForAsync<VideoPublished>(projectId, TimeSpan.FromSeconds(60));

        published.OccurredAt.Should().BeOnOrAfter(publishAt.AddMilliseconds(-50), "it is published at its time, not before");
        var after = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/publishing/publications/{scheduled.GetProperty("id").GetGuid()}");
        after.GetProperty("publication").GetProperty("status").GetString().Should().Be("exported");
        (await fixture.QueryAsync(async db =>
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            await db.Database.OpenConnectionAsync();
            command.CommandText = "SELECT count(*) FROM qrtz_job_details";
            return (long)(await command.ExecuteScalarAsync())!;
        })).Should().Be(0, "the job ran and is gone: nothing fires twice");
    }
}
