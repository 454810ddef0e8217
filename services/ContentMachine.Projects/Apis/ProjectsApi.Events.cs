using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using ContentMachine.Projects.Infrastructure.ChangeFeed;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentMachine.Projects.Apis;

public static partial class ProjectsApi
{
    /// <summary>Kept below proxies' idle timeouts (YARP's is 100 s) so an idle stream stays open.</summary>
    internal static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    public static async Task<Results<ServerSentEventsResult<object>, ProblemHttpResult>> StreamEvents(
        Guid id, IServiceScopeFactory scopes, ProjectChangeFeed feed, TimeProvider clock, CancellationToken ct)
    {
        // Subscribe before the first read, so that no change between the two is missed.
        var subscription = feed.Subscribe(id);
        var state = await ProjectStreamState.LoadAsync(scopes, id, ct);
        if (state is null)
        {
            subscription.Dispose();
            return NotFound(id);
        }
        return TypedResults.ServerSentEvents(StreamAsync(id, state, subscription, scopes, clock, ct));
    }

    private static async IAsyncEnumerable<SseItem<object>> StreamAsync(Guid id, ProjectStreamState state, ProjectChangeSubscription subscription,
        IServiceScopeFactory scopes, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct)
    {
        using var _ = subscription;
        foreach (var item in state.Replay()) yield return item;
        while (!state.IsTerminal && !ct.IsCancellationRequested)
        {
            if (!await subscription.WaitAsync(HeartbeatInterval, ct))
            {
                if (!ct.IsCancellationRequested) yield return ProjectStreamState.Heartbeat(clock.GetUtcNow());
                continue;
            }
            var next = await ProjectStreamState.LoadAsync(scopes, id, ct);
            if (next is null)
            {
                yield return ProjectStreamState.Deleted(id);
                yield break;
            }
            foreach (var item in state.ChangesTo(next)) yield return item;
            state = next;
        }
    }
}
