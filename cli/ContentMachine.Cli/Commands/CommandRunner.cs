namespace ContentMachine.Cli.Commands;

/// <summary>Runs a command's action with its settings and API client, and turns any failure into a message and an exit code.</summary>
public sealed class CommandRunner(CliHost host, GlobalOptions options)
{
    public void Bind(Command command, Func<CommandContext, CancellationToken, Task<int>> action) =>
        command.SetAction((parse, ct) => RunAsync(parse, action, ct));

    /// <summary>A read-only command: GET <paramref name="path"/>, then print the API's JSON as it is with <c>--json</c>
    /// (for scripts), else <paramref name="render"/> it for people.</summary>
    public Command Query<T>(Command command, Func<CommandContext, string> path, Action<IAnsiConsole, T> render)
    {
        var json = new Option<bool>("--json") { Description = "Print the API's JSON instead of a table (for scripts)." };
        command.Add(json);
        Bind(command, async (ctx, ct) =>
        {
            var body = await ctx.Api.GetJsonAsync(path(ctx), ct);
            if (ctx.Value(json)) ctx.WriteJson(body);
            else render(ctx.Host.Console, ApiJson.Read<T>(body));
            return ExitCodes.Ok;
        });
        return command;
    }

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
