namespace ContentMachine.AppHost.Hosting;

/// <summary>A resource did not come up; the message names it, says why, and carries its last output lines.</summary>
public sealed class ResourceFailedException(string resource, string reason, IReadOnlyList<string> lastOutput)
    : Exception($"{resource} failed to start: {reason}" + (lastOutput.Count == 0 ? "" : Environment.NewLine
        + $"Last output of {resource}:" + Environment.NewLine + string.Join(Environment.NewLine, lastOutput.Select(l => "  " + l))))
{
    public string Resource { get; } = resource;
    public string Reason { get; } = reason;
}
