using ContentMachine.Cli.Api.Events;

namespace ContentMachine.Cli.Waiting;

/// <summary>Reads a project's events until what a command waits for has happened.</summary>
public static class ProjectWaiter
{
    /// <summary>Until the run has rendered (or gone on to publishing), failed or been cancelled: that status.</summary>
    public static async Task<StatusChanged> UntilRunEndsAsync(ApiClient api, Guid id, IRunView view, CancellationToken ct)
    {
        await foreach (var change in Follow(api, id, view, ct))
            if (change is StatusChanged { IsRendered: true } or StatusChanged { IsStopped: true })
                return (StatusChanged)change;
        throw Deleted(id);
    }

    /// <summary>Until each of <paramref name="platforms"/> is published, failed or scheduled: their publications.</summary>
    public static async Task<IReadOnlyList<ProjectPublication>> UntilPublicationsSettleAsync(
        ApiClient api, Guid id, IReadOnlyCollection<string> platforms, IRunView view, CancellationToken ct)
    {
        var latest = new Dictionary<string, ProjectPublication>(StringComparer.OrdinalIgnoreCase);
        await foreach (var change in Follow(api, id, view, ct))
        {
            if (change is PublicationChanged { Publication: var p } && platforms.Contains(p.Platform, StringComparer.OrdinalIgnoreCase))
                latest[p.Platform] = p;
            if (latest.Count == platforms.Count && latest.Values.All(p => p.Status is "published" or "failed" or "scheduled"))
                return [.. latest.Values.OrderBy(p => p.Platform)];
        }
        throw Deleted(id);
    }

    private static async IAsyncEnumerable<ProjectEvent> Follow(ApiClient api, Guid id, IRunView view,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var change in new ProjectEventStream(api).FollowAsync(id, ct))
        {
            view.Show(change);
            if (change is ProjectRemoved) yield break;
            yield return change;
        }
    }

    private static CliException Deleted(Guid id) => new($"Project {id} was deleted while waiting for it.", ExitCodes.NotFound);
}
