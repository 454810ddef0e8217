namespace ContentMachine.Cli.Tests;

/// <summary>list, get and search: tables for people, the API's JSON with --json for scripts.</summary>
public class QueryCommandTests
{
    [Fact]
    public async Task List_get_and_search_with_json_print_json_that_parses()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway());
        var project = gateway.AddRendered("Parsed by scripts");

        var list = await Cm.RunAsync(gateway, "list", "--status", "rendered,failed", "--limit", "5", "--json");
        var get = await Cm.RunAsync(gateway, "get", project.Id.ToString(), "--json");
        var search = await Cm.RunAsync(gateway, "search", "scripts that parse", "--limit", "3", "--json");

        new[] { list, get, search }.Should().OnlyContain(r => r.ExitCode == ExitCodes.Ok && r.Error.Length == 0);
        JsonDocument.Parse(list.Out).RootElement.GetProperty("items")[0].GetProperty("id").GetGuid().Should().Be(project.Id);
        JsonDocument.Parse(get.Out).RootElement.GetProperty("stages").GetArrayLength().Should().Be(6);
        JsonDocument.Parse(search.Out).RootElement.GetProperty("results")[0].GetProperty("projectId").GetGuid().Should().Be(project.Id);
        gateway.Requests.Select(r => r.Path).Should().Contain(["/api/projects?status=rendered%2Cfailed&limit=5", "/api/search?q=scripts%20that%20parse&limit=3"]);
    }

    [Fact]
    public async Task Get_shows_status_stages_scenes_the_video_and_publications()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway());
        var project = gateway.AddRendered("Shown in full");
        project.Publications.Add(("youtube", "failed", "quota used up"));

        var run = await Cm.RunAsync(gateway, "get", project.Id.ToString());

        run.ExitCode.Should().Be(ExitCodes.Ok, run.All);
        run.Out.Should().Contain("About Shown in full").And.Contain("rendered").And.Contain("narration").And.Contain("The first scene.")
            .And.Contain("1080x1920").And.Contain("youtube").And.Contain("quota used up");
    }

    [Fact]
    public async Task List_and_search_draw_tables()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway());
        var project = gateway.AddRendered("In a table");

        var list = await Cm.RunAsync(gateway, "list");
        var search = await Cm.RunAsync(gateway, "search", "table");

        list.Out.Should().Contain(project.Id.ToString()).And.Contain("About In a table").And.Contain("1 of 1");
        search.Out.Should().Contain("0.910").And.Contain(project.Id.ToString());
    }

    [Fact]
    public async Task An_unknown_project_exits_4_with_the_APIs_message()
    {
        await using var gateway = await FakeGateway.StartAsync(new FakeGateway());
        var id = Guid.NewGuid();

        var run = await Cm.RunAsync(gateway, "get", id.ToString());
        var notAnId = await Cm.RunAsync(gateway, "get", "not-an-id");

        run.ExitCode.Should().Be(ExitCodes.NotFound);
        run.Error.Trim().Should().Be($"error: Project not found: No project has the id {id}.");
        notAnId.ExitCode.Should().Be(ExitCodes.Usage);
    }
}
