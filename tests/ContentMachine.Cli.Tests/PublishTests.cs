namespace ContentMachine.Cli.Tests;

public class PublishTests
{
    [Fact]
    public async Task Publish_wait_follows_the_publications_until_published()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway());
        var project = gateway.AddRendered("Published");

        var run = await Cm.RunAsync(gateway, "publish", project.Id.ToString(), "--platform", "tiktok", "--platform", "instagram", "--at", "2030-01-01T10:00:00Z", "--wait");

        run.ExitCode.Should().Be(ExitCodes.Ok, run.All);
        run.Out.Should().Contain("tiktok: published").And.Contain("instagram: published");
        var body = JsonDocument.Parse(gateway.Requests.Single(r => r.Method == "POST").Body).RootElement;
        body.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()).Should().Equal("tiktok", "instagram");
        body.GetProperty("publishAt").GetDateTimeOffset().Should().Be(new DateTimeOffset(2030, 1, 1, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_failed_publication_exits_1_with_its_reason()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway { FailingPlatform = "youtube" });
        var project = gateway.AddRendered("Refused");

        var run = await Cm.RunAsync(gateway, "publish", project.Id.ToString(), "-p", "youtube", "--wait");

        run.ExitCode.Should().Be(ExitCodes.Failed);
        run.Error.Should().Contain("Publishing to youtube failed: the platform said no");
    }
}
