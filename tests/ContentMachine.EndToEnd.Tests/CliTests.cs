using System.Text.RegularExpressions;
using ContentMachine.Cli;

namespace ContentMachine.EndToEnd.Tests;

/// <summary>The command-line client against the whole stack, through the gateway only: a topic followed to its
/// video, then downloaded and checked as a viewer's player would read it.</summary>
[Collection(StackCollection.Name)]
public partial class CliTests(StackFixture fixture)
{
    [Fact]
    public async Task Cm_new_wait_follows_a_topic_to_its_video_and_cm_download_saves_a_vertical_h264_mp4()
    {
        var folder = Directory.CreateTempSubdirectory("e2e-cli-").FullName;
        try
        {
            var created = await CmAsync(folder, "new", "Why cats purr", "--duration", "15", "--wait");

            created.Code.Should().Be(ExitCodes.Ok, created.Output);
            created.Output.Should().Contain("render: completed").And.Contain("status: rendered");
            var id = Guid.Parse(ProjectLine().Match(created.Output).Groups[1].Value);
            (await fixture.Gateway.GetFromJsonAsync<JsonElement>($"/api/projects/{id}")).GetProperty("status").GetString().Should().Be("rendered");

            var file = Path.Combine(folder, "cats.mp4");
            var downloaded = await CmAsync(folder, "download", id.ToString(), "-o", file);

            downloaded.Code.Should().Be(ExitCodes.Ok, downloaded.Output);
            downloaded.Output.Should().Contain("sha256 verified");
            var probe = await MediaTools.ProbeAsync(file);
            probe.Should().BeEquivalentTo(new { Width = 1080, Height = 1920, VideoCodec = "h264" });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary><c>cm</c> in process with the fixture's gateway and key; no config file of this machine is read.</summary>
    private async Task<(int Code, string Output)> CmAsync(string folder, params string[] args)
    {
        string[] connection = ["--url", fixture.Stack.GatewayUrl.ToString(), "--api-key", fixture.ApiKey];
        using var output = new StringWriter();
        var host = CliHost.Create(output, output, name => name == "CM_CONFIG" ? Path.Combine(folder, "no-config.json") : null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var code = await CliApp.RunAsync([.. args, .. connection], host, timeout.Token);
        return (code, output.ToString());
    }

    [GeneratedRegex(@"^project ([0-9a-f-]{36}):", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}
