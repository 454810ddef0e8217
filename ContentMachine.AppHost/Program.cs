using System.CommandLine;
using ContentMachine.AppHost.Cli;

return await AppHostCommand.Create(AppHostRunner.RunAsync).Parse(args)
    .InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
