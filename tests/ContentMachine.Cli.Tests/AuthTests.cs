namespace ContentMachine.Cli.Tests;

public class AuthTests
{
    private const string Key = "cmk_live_5f1e2d3c4b5a69788796a5b4c3d2e1f0";

    [Fact]
    public async Task A_refused_key_exits_3_with_a_message_and_the_key_appears_in_no_output()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway { RequiredKey = "another-key" });

        var run = await Cm.RunAsync(gateway, "list", "--api-key", Key);

        run.ExitCode.Should().Be(ExitCodes.Auth);
        run.Error.Should().Contain("401").And.Contain("the API key from --api-key was not accepted");
        run.All.Should().NotContain(Key, "the key is never printed, even when the server echoes it");
        gateway.Requests.Single().ApiKey.Should().Be(Key, "the key is sent as X-Api-Key");
    }

    [Fact]
    public async Task Without_a_key_a_401_says_how_to_set_one()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway { RequiredKey = Key });

        var run = await Cm.RunAsync(gateway, "new", "Some topic", "--wait");

        run.ExitCode.Should().Be(ExitCodes.Auth);
        run.Error.Should().Contain("no API key is set").And.Contain("CM_API_KEY");
        run.All.Should().NotContain(Key);
    }

    [Fact]
    public async Task The_config_command_shows_where_the_key_came_from_but_not_the_key()
    {
        var run = await Cm.RunAsync(["config"], new Dictionary<string, string?> { ["CM_API_KEY"] = Key });

        run.ExitCode.Should().Be(ExitCodes.Ok, run.All);
        run.Out.Should().Contain("from CM_API_KEY").And.Contain($"{Key.Length} characters");
        run.All.Should().NotContain(Key).And.NotContain(Key[..6]);
    }
}
