using System.CommandLine;
using ContentMachine.AppHost.Cli;

return await AppHostCommand.Create(AppHostRunner.RunAsync).Parse(args)
    .InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

/// <summary>Internal on purpose: with ASP.NET Core referenced (the OTLP receiver and the dashboard), .NET 10 would make the
/// entry point public, and tests that reference the AppHost and a service would see two public Program classes.</summary>
internal partial class Program;
