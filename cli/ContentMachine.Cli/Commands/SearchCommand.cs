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
        var json = GlobalOptions.Json();
        var command = new Command("search", "Find projects by meaning (semantic search).") { query, limit, status, topic, json };
        runner.Bind(command, async (ctx, ct) =>
        {
            var results = await ctx.Api.GetJsonAsync(ApiPaths.Search(ctx.Value(query), ctx.Value(status), ctx.Value(topic), ctx.Value(limit)), ct);
            if (ctx.Value(json))
            {
                ctx.WriteJson(results);
                return ExitCodes.Ok;
            }
            var hits = ApiJson.Read<SearchResults>(results).Results;
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Score", "Title", "Status", "Archetype")
                .AddColumn(new TableColumn("Project").NoWrap());
            foreach (var hit in hits)
                table.AddRow(new Text(hit.Score.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)), new Text(Formats.Shorten(hit.Title, 60)),
                    new Text(hit.Status), new Text(hit.Archetype), new Text(hit.ProjectId.ToString()));
            ctx.Host.Console.Write(table);
            ctx.Host.Console.MarkupLine(hits.Count == 0 ? "No project matches." : $"{hits.Count} result(s).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
