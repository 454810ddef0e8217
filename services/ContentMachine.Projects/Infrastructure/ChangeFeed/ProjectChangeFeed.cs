using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ContentMachine.Projects.Infrastructure.ChangeFeed;

/// <summary>In-process fan-out of "project X changed" notices to the live event streams watching X. A notice carries no
/// data: the stream re-reads the project, so coalescing several notices into one loses nothing.</summary>
public sealed class ProjectChangeFeed
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<bool>, byte>> _watchers = new();

    public ProjectChangeSubscription Subscribe(Guid projectId)
    {
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        _watchers.GetOrAdd(projectId, _ => new()).TryAdd(channel, 0);
        return new ProjectChangeSubscription(channel.Reader, () =>
        {
            if (_watchers.TryGetValue(projectId, out var set))
            {
                set.TryRemove(channel, out _);
                if (set.IsEmpty) _watchers.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<Channel<bool>, byte>>(projectId, set));
            }
        });
    }

    public void Notify(Guid projectId)
    {
        if (_watchers.TryGetValue(projectId, out var set))
            foreach (var channel in set.Keys) channel.Writer.TryWrite(true);
    }

    /// <summary>After the listener reconnects, notices may have been missed: every stream re-reads.</summary>
    public void NotifyAll()
    {
        foreach (var set in _watchers.Values)
            foreach (var channel in set.Keys) channel.Writer.TryWrite(true);
    }

    public int WatcherCount => _watchers.Values.Sum(s => s.Count);
}

public sealed class ProjectChangeSubscription(ChannelReader<bool> reader, Action unsubscribe) : IDisposable
{
    /// <summary>True when the project changed, false when <paramref name="timeout"/> passed without a change.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await reader.WaitToReadAsync(timer.Token);
            return reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => unsubscribe();
}
