namespace ContentMachine.Cli.Waiting;

/// <summary>The live display on a terminal, plain transition lines otherwise.</summary>
public static class RunViews
{
    public static Task<T> ShowAsync<T>(CliHost host, Func<IRunView, Task<T>> follow) =>
        host.IsTerminal
            ? host.Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                    new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(context => follow(new LiveRunView(context)))
            : follow(new PlainRunView(host.Out));
}
