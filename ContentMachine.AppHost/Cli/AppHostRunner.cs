using ContentMachine.AppHost.Console;
using ContentMachine.AppHost.Hosting;
using Spectre.Console;

namespace ContentMachine.AppHost.Cli;

/// <summary>Starts the stack, shows its resources and output, and stops it on Ctrl+C or SIGTERM.</summary>
public static class AppHostRunner
{
    public static async Task<int> RunAsync(StackOptions options, CancellationToken cancellation)
    {
        using var shutdown = new ShutdownSignal();
        await using var stack = new DistributedStack(options);
        stack.Logs.LineWritten += new ConsoleLogWriter().Write;
        using var kill = shutdown.KillRequested.Register(() => _ = stack.StopAsync(kill: true));
        try
        {
            await stack.StartAsync(shutdown.Requested);
        }
        catch (MissingPrerequisitesException ex)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return 2;
        }
        catch (OperationCanceledException) when (shutdown.Requested.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("[yellow]Start-up interrupted; everything it started has been stopped.[/]");
            return 130;
        }
        catch (Exception ex) when (ex is ResourceFailedException or InvalidOperationException or ArgumentException)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            AnsiConsole.MarkupLine("[yellow]Everything that had started has been stopped.[/]");
            return 1;
        }

        ResourceTable.Print(stack);
        AnsiConsole.WriteLine($"Dashboard: {stack.Telemetry.Endpoints.LoginUrl.AbsoluteUri}");
        var keySource = options.AdminApiKey is null ? $"kept in {Path.Combine(stack.StateDirectory, "secrets.json")}" : "from --api-key";
        AnsiConsole.WriteLine($"Admin API key (send as X-Api-Key or Authorization: Bearer; {keySource}): {stack.AdminApiKey}");
        await Task.Delay(Timeout.Infinite, shutdown.Requested).ContinueWith(_ => { }, TaskScheduler.Default);
        AnsiConsole.MarkupLine("[yellow]Stopping...[/]");
        await stack.StopAsync();
        AnsiConsole.MarkupLine("[green]Stopped; no process of the stack is left.[/]");
        return 0;
    }
}
