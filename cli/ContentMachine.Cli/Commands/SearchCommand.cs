using System.Globalization;

namespace ContentMachine.Cli.Commands;

/// <summary><c>cm search "query" [--limit 10] [--status ..] [--topic ..] [--json]</c>.</summary>
public static class SearchCommand
{
    public static Command Create(CommandRunner runner)
    {
        var query = new Argument<string>("query") { Description = "What to look for: projects are ranked by similarity to it." };
        var limit = new Option<int?>("--limit", "-n") { Description = "How many, 1-100 (default 10)." };
        var status = new Option<string?>("--status", "-s") { Description = "Only this index status: submitted, scripted or rendered." };
        var topic = new Option<string?>("--topic") { Description = "Only this exact topic (case-insensitive)." };
        return runner.Query<SearchResults>(new Command("search", "Find projects by meaning (semantic search).") { query, limit, status, topic },
            ctx => ApiPaths.Search(ctx.Value(query), ctx.Value(status), ctx.Value(topic), ctx.Value(limit)), Render);
    }

    private static void Render(IAnsiConsole console, SearchResults results)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Score", "Title", "Status", "Archetype").AddColumn(new TableColumn("Project").NoWrap());
        foreach (var hit in results.Results)
            table.AddRow(new Text(hit.Score.ToString("0.000", CultureInfo.InvariantCulture)), new Text(Formats.Shorten(hit.Title, 60)),
                new Text(hit.Status), new Text(hit.Archetype), new Text(hit.ProjectId.ToString()));
        console.Write(table);
        console.MarkupLine(results.Results.Count == 0 ? "No project matches." : $"{results.Results.Count} result(s).");
    }
}
