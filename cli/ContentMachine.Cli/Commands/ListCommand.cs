namespace ContentMachine.Cli.Commands;

/// <summary><c>cm list [--status queued,running] [--query text] [--limit 20] [--cursor ..] [--json]</c>.</summary>
public static class ListCommand
{
    public static Command Create(CommandRunner runner)
    {
        var status = new Option<string?>("--status", "-s") { Description = "Only these statuses (comma-separated): draft, queued, running, rendered, publishing, published, failed, cancelled." };
        var query = new Option<string?>("--query", "-q") { Description = "Text to find in the topic or title." };
        var limit = new Option<int?>("--limit", "-n") { Description = "How many, 1-100 (default 20)." };
        var cursor = new Option<string?>("--cursor") { Description = "The next page: the cursor a previous list printed." };
        return runner.Query<ProjectPage>(new Command("list", "List projects, newest first.") { status, query, limit, cursor },
            ctx => ApiPaths.ListProjects(ctx.Value(status), ctx.Value(query), ctx.Value(limit), ctx.Value(cursor)), Render);
    }

    private static void Render(IAnsiConsole console, ProjectPage page)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Id").NoWrap())
            .AddColumns("Title", "Status", "Progress", "Video", "Created");
        foreach (var p in page.Items)
            table.AddRow(new Text(p.Id.ToString()), new Text(Formats.Shorten(p.Title, 60)), new Markup(Formats.Status(p.Status)),
                new Text($"{p.Progress}%"), new Text(p.HasVideo ? "yes" : ""), new Text(Formats.Time(p.CreatedAt)));
        console.Write(table);
        console.MarkupLine($"{page.Items.Count} of {page.Total}" + (page.NextCursor is { } next ? $"; next page: --cursor {Markup.Escape(next)}" : ""));
    }
}
