using ContentMachine.Cli.Commands;

namespace ContentMachine.Cli;

/// <summary>The entry point, in-process: parse, report usage errors (exit 2), run the command.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken ct = default)
    {
        var parse = CmCommand.Create(host).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) host.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            host.ErrorConsole.MarkupLine("See [bold]cm --help[/] or [bold]cm <command> --help[/].");
            return ExitCodes.Usage;
        }
        var invocation = new InvocationConfiguration
        {
            Output = host.Out, Error = host.Error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false,
        };
        return await parse.InvokeAsync(invocation, ct);
    }
}
