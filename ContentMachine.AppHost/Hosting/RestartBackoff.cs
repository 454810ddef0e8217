namespace ContentMachine.AppHost.Hosting;

/// <summary>Delay before restarting a crashed process: 0.5 s, doubling up to 30 s while it keeps crashing, back to
/// 0.5 s once it has run for a minute.</summary>
public sealed class RestartBackoff
{
    public static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    private TimeSpan _next = Initial;

    public TimeSpan Next(TimeSpan ranFor)
    {
        if (ranFor >= StableAfter) _next = Initial;
        var delay = _next;
        _next = TimeSpan.FromTicks(Math.Min(Maximum.Ticks, _next.Ticks * 2));
        return delay;
    }
}
