using ContentMachine.Cli.Configuration;

namespace ContentMachine.Cli.Tests;

/// <summary>Each setting comes from the flag, else the environment, else the config file, else the default.</summary>
public sealed class ConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cm-config-").FullName;

    private string ConfigFile(string json)
    {
        var path = Path.Combine(_folder, "cm.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void A_flag_beats_the_environment_which_beats_the_file_which_beats_the_default()
    {
        var path = ConfigFile("""{"url": "http://file:1", "apiKey": "from-file"}""");
        var env = new Dictionary<string, string?> { ["CM_CONFIG"] = path, ["CM_URL"] = "http://env:2", ["CM_API_KEY"] = "from-env" };

        SettingsResolver.Resolve("http://flag:3", "from-flag", env.GetValueOrDefault).Should().BeEquivalentTo(
            new { Url = new Uri("http://flag:3"), UrlSource = "--url", ApiKey = "from-flag", ApiKeySource = "--api-key" });
        SettingsResolver.Resolve(null, null, env.GetValueOrDefault).Should().BeEquivalentTo(
            new { Url = new Uri("http://env:2"), UrlSource = "CM_URL", ApiKey = "from-env", ApiKeySource = "CM_API_KEY" });
        SettingsResolver.Resolve(null, null, new Dictionary<string, string?> { ["CM_CONFIG"] = path }.GetValueOrDefault).Should().BeEquivalentTo(
            new { Url = new Uri("http://file:1"), UrlSource = path, ApiKey = "from-file", ApiKeySource = path });
        SettingsResolver.Resolve(null, null, new Dictionary<string, string?> { ["HOME"] = _folder }.GetValueOrDefault).Should().BeEquivalentTo(
            new { Url = new Uri(CliSettings.DefaultUrl), UrlSource = "default", ApiKey = (string?)null });
    }

    [Fact]
    public void Without_CM_CONFIG_the_file_is_under_the_users_config_folder()
    {
        SettingsResolver.ConfigPath(new Dictionary<string, string?> { ["HOME"] = "/home/ann" }.GetValueOrDefault)
            .Should().Be("/home/ann/.config/contentmachine/cm.json");
    }

    [Fact]
    public async Task Commands_use_the_file_when_nothing_else_is_set_and_send_its_key()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway { RequiredKey = "from-file" });
        var path = ConfigFile($$"""{"url": "{{gateway.Url}}", "apiKey": "from-file"}""");

        var run = await Cm.RunAsync(["list", "--json"], new Dictionary<string, string?> { ["CM_CONFIG"] = path });

        run.ExitCode.Should().Be(ExitCodes.Ok, run.All);
        gateway.Requests.Single().ApiKey.Should().Be("from-file");
    }

    [Fact]
    public async Task A_broken_config_file_or_url_is_a_usage_error()
    {
        var broken = await Cm.RunAsync(["list"], new Dictionary<string, string?> { ["CM_CONFIG"] = ConfigFile("{ url: ") });
        var badUrl = await Cm.RunAsync(["list", "--url", "ftp://example"]);

        broken.ExitCode.Should().Be(ExitCodes.Usage);
        broken.Error.Should().Contain("not valid JSON");
        badUrl.ExitCode.Should().Be(ExitCodes.Usage);
        badUrl.Error.Should().Contain("--url");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
