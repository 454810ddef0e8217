using ContentMachine.Cli;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (interrupt.IsCancellationRequested) return; // a second Ctrl+C ends the process as usual
    e.Cancel = true; // the first one stops waiting: the command decides what that means
    interrupt.Cancel();
};
return await CliApp.RunAsync(args, CliHost.FromProcess(), interrupt.Token);
