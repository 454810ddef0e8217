namespace ContentMachine.Cli.Commands;

/// <summary>Runs a command's action with its settings and API client, and turns any failure into a message and an exit code.</summary>
public sealed class CommandRunner(CliHost host, GlobalOptions options)
{
    public void Bind(Command command, Func<CommandContext, CancellationToken, Task<int>> action) =>
        command.SetAction((parse, ct) => RunAsync(parse, action, ct));

    private async Task<int> RunAsync(ParseResult parse, Func<CommandContext, CancellationToken, Task<int>> action, CancellationToken ct)
    {
        CliSettings? settings = null;
        try
        {
            settings = SettingsResolver.Resolve(parse.GetValue(options.Url), parse.GetValue(options.ApiKey), host.Environment);
            using var api = ApiClient.Create(settings);
            return await action(new CommandContext(host, api, parse), ct);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(host, settings, ex, ct);
        }
    }
}
