namespace ContentMachine.Cli.Output;

/// <summary><c>cm get</c>'s view of a project.</summary>
public static class ProjectRenderer
{
    public static void Render(IAnsiConsole console, ProjectDetails p)
    {
        var head = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        head.AddRow(new Text("Project"), new Text(p.Id.ToString()));
        head.AddRow(new Text("Title"), new Text(p.Title));
        head.AddRow(new Text("Topic"), new Text(p.Topic));
        head.AddRow(new Text("Status"), new Markup($"{Formats.Status(p.Status)} ({p.Progress}%, attempt {p.Attempt})"));
        if (p.Options is { } o)
            head.AddRow(new Text("Options"), new Text($"{o.Archetype}, {o.DurationSeconds} s, {o.Voice}, {o.VisualStyle}"
                + (o.Platforms.Count > 0 ? $", for {string.Join(", ", o.Platforms)}" : "") + (o.AutoPublish ? ", auto-publish" : "")));
        head.AddRow(new Text("Created"), new Text($"{Formats.Time(p.CreatedAt)} (updated {Formats.Time(p.UpdatedAt)})"));
        if (p.Failure is { } failure) head.AddRow(new Markup("[red]Failed[/]"), new Text($"at {failure.Stage}: {failure.Reason}"));
        foreach (var warning in p.Warnings) head.AddRow(new Markup("[yellow]Warning[/]"), new Text(warning));
        if (p.Description is { Length: > 0 } description) head.AddRow(new Text("Description"), new Text(description));
        if (p.Hashtags.Count > 0) head.AddRow(new Text("Hashtags"), new Text(string.Join(" ", p.Hashtags)));
        if (p.Video is { } v)
            head.AddRow(new Text("Video"), new Text($"{v.Width}x{v.Height}, {Formats.Seconds(v.DurationSeconds)}, {Formats.Bytes(v.SizeBytes)}, "
                + $"rendered {Formats.Time(v.RenderedAt)} (cm download {p.Id}; cover: --cover)"));
        console.Write(head);

        var stages = new Table().Title("Stages").Border(TableBorder.Rounded).AddColumns("Stage", "Status", "Attempt", "Took", "Error");
        foreach (var s in p.Stages)
            stages.AddRow(new Text(s.Name), new Markup(Formats.Status(s.Status)), new Text(s.Attempt.ToString()),
                new Text(s.Duration is { } d ? Formats.Duration(d) : ""), new Text(s.Error ?? ""));
        console.Write(stages);

        if (p.Scenes.Count > 0)
        {
            var scenes = new Table().Title("Scenes").Border(TableBorder.Rounded).AddColumns("#", "Seconds", "Text");
            foreach (var scene in p.Scenes) scenes.AddRow(scene.Sequence.ToString(), Formats.Seconds(scene.DurationSeconds), Markup.Escape(scene.Text));
            console.Write(scenes);
        }
        if (p.Publications.Count > 0)
        {
            var publications = new Table().Title("Publications").Border(TableBorder.Rounded).AddColumns("Platform", "Status", "Scheduled", "Url / error");
            foreach (var pub in p.Publications)
                publications.AddRow(new Text(pub.Platform), new Markup(Formats.Status(pub.Status)), new Text(Formats.Time(pub.ScheduledFor)),
                    new Text(pub.Error ?? pub.Url ?? ""));
            console.Write(publications);
        }
    }
}
