using ContentMachine.AppHost.Hosting;
using Spectre.Console;

namespace ContentMachine.AppHost.Console;

public static class ResourceTable
{
    public static void Print(DistributedStack stack) => Print(stack, CreateConsole());

    /// <summary>A console that never wraps (a redirected output has no width) and drops colour when redirected.</summary>
    private static IAnsiConsole CreateConsole()
    {
        var redirected = System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected) console.Profile.Width = 200;
        return console;
    }

    public static void Print(DistributedStack stack, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]ContentMachine[/]")
            .AddColumns("Resource", "Type", "State", "PID", "Restarts", "Endpoints");
        foreach (var s in stack.Snapshots())
            table.AddRow(Markup.Escape(s.Name), Markup.Escape(s.Type), StateMarkup(s.State), s.Pid?.ToString() ?? "-",
                s.Restarts.ToString(), Markup.Escape(string.Join("  ", s.Endpoints)));
        console.Write(table);
        if (stack.Snapshots().Any(s => s.Name == "gateway"))
        {
            var gateway = stack.GatewayUrl.AbsoluteUri.TrimEnd('/');
            console.MarkupLine($"Gateway {gateway}   health {gateway}/health   API docs {gateway}/swagger");
        }
        console.MarkupLine($"State folder {Markup.Escape(stack.StateDirectory)}   [grey]Ctrl+C stops everything (twice: kill at once)[/]");
    }

    private static string StateMarkup(ResourceState state) => state switch
    {
        ResourceState.Running => "[green]Running[/]",
        ResourceState.Failed => "[red]Failed[/]",
        ResourceState.Restarting => "[yellow]Restarting[/]",
        _ => state.ToString(),
    };
}
