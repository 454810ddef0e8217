namespace ContentMachine.Cli.Commands;

/// <summary>The root command: <c>cm &lt;command&gt; [options]</c>.</summary>
public static class CmCommand
{
    public static RootCommand Create(CliHost host)
    {
        var options = new GlobalOptions();
        var runner = new CommandRunner(host, options);
        var root = new RootCommand("ContentMachine's command-line client: turn a topic into a video, follow it, download and publish it, "
            + "through the gateway's API. " + ExitCodes.Help)
        {
            options.Url, options.ApiKey,
            NewCommand.Create(runner), ListCommand.Create(runner), GetCommand.Create(runner), DownloadCommand.Create(runner),
            PublishCommand.Create(runner), SearchCommand.Create(runner), ConfigCommand.Create(runner),
        };
        return root;
    }
}
