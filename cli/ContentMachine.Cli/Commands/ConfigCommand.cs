namespace ContentMachine.Cli.Commands;

/// <summary><c>cm config</c>: the gateway URL and API key in effect and where each came from (the key masked).</summary>
public static class ConfigCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("config", "Show the settings in effect (flag > environment > config file > default); the API key is masked.");
        runner.Bind(command, (ctx, _) =>
        {
            var settings = ctx.Api.Settings;
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("Gateway", $"{settings.Url} (from {settings.UrlSource})");
            grid.AddRow("API key", settings.MaskedApiKey);
            grid.AddRow("Config file", settings.ConfigPath + (File.Exists(settings.ConfigPath) ? "" : " (none)"));
            ctx.Host.Console.Write(grid);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
