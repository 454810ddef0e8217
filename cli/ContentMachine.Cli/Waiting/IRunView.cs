using ContentMachine.Cli.Api.Events;

namespace ContentMachine.Cli.Waiting;

/// <summary>Shows a project's run (and publications) as its events arrive.</summary>
public interface IRunView
{
    void Show(ProjectEvent change);
}
