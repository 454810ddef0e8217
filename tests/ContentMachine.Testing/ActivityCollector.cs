using System.Diagnostics;

namespace ContentMachine.Testing;

/// <summary>An in-memory span exporter: the spans that ended, as OpenTelemetry's processors see them.</summary>
public sealed class ActivityCollector : OpenTelemetry.BaseProcessor<Activity>
{
    private readonly List<Activity> _ended = [];

    public IReadOnlyList<Activity> Ended
    {
        get { lock (_ended) return _ended.ToList(); }
    }

    public override void OnEnd(Activity activity)
    {
        lock (_ended) _ended.Add(activity);
    }
}
