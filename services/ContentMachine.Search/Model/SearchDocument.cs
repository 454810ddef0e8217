using ContentMachine.Contracts;

namespace ContentMachine.Search.Model;

/// <summary>One project as the search index knows it, rebuilt from the events: what it is about (title, topic, script) and
/// the facts results are filtered by. searchdb keeps it so that the index can be rebuilt (re-index) without other services.
/// A deleted project stays as a tombstone so that a late event cannot bring it back.</summary>
public sealed class SearchDocument
{
    public const int MaxTitleLength = 300;
    public const int MaxTopicLength = 200;
    public const int MaxScriptLength = 50_000;

    public Guid ProjectId { get; private set; }
    public string Title { get; private set; } = "";
    public string Topic { get; private set; } = "";
    public string Archetype { get; private set; } = "";
    public string Status { get; private set; } = SearchStatus.Submitted;
    public List<string> Platforms { get; private set; } = [];
    public string Script { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public static SearchDocument Create(Guid projectId, DateTimeOffset createdAt) =>
        new() { ProjectId = projectId, CreatedAt = createdAt, UpdatedAt = createdAt };

    /// <summary>The text that is embedded: what the project is about, title first.</summary>
    public string EmbeddingText => string.Join('\n', new[] { Title, Topic, Script }.Where(s => s.Length > 0).Distinct());

    public SearchPayload ToPayload() => new(ProjectId, Title, Topic, Archetype, Status, CreatedAt, Platforms);

    /// <summary>Applies an event; false when it changes nothing the index holds (a repeat, or an older state).</summary>
    public bool Apply(IntegrationEvent message, DateTimeOffset now)
    {
        var changed = message switch
        {
            ProjectSubmitted e => Apply(e),
            ScriptGenerated e => Apply(e),
            VideoRendered => Advance(SearchStatus.Rendered),
            _ => throw new NotSupportedException($"The search index does not follow {message.GetType().Name}."),
        };
        if (changed) UpdatedAt = now;
        return changed;
    }

    public void MarkDeleted(DateTimeOffset now)
    {
        DeletedAt ??= now;
        UpdatedAt = now;
    }

    private bool Apply(ProjectSubmitted e)
    {
        var before = (Title, Topic, Archetype, Platforms: string.Join(',', Platforms), CreatedAt);
        Topic = Truncate(e.Topic, MaxTopicLength);
        if (Title.Length == 0 || Status == SearchStatus.Submitted) Title = Truncate(e.Title, MaxTitleLength); // a script's title wins
        Archetype = e.Options.Archetype;
        Platforms = e.Options.Platforms.ToList();
        // The first submission is the creation; a retry is a later submission of the same project.
        if (e.Attempt == 1 || e.OccurredAt < CreatedAt) CreatedAt = e.OccurredAt;
        return before != (Title, Topic, Archetype, string.Join(',', Platforms), CreatedAt);
    }

    private bool Apply(ScriptGenerated e)
    {
        var script = string.Join('\n', new[] { e.Title, e.Description }.Concat(e.Scenes.OrderBy(s => s.Sequence).Select(s => s.Text))
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        var title = Truncate(e.Title, MaxTitleLength);
        script = Truncate(script, MaxScriptLength);
        var changed = Title != title || Script != script;
        Title = title;
        Script = script;
        return Advance(SearchStatus.Scripted) || changed;
    }

    private bool Advance(string status)
    {
        if (SearchStatus.Rank(status) <= SearchStatus.Rank(Status)) return false;
        Status = status;
        return true;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
