using ContentMachine.Contracts;

namespace ContentMachine.Projects.Apis;

/// <param name="Topic">What the video is about, 3-200 characters.</param>
/// <param name="Options">How to make it; omitted fields take their defaults.</param>
/// <param name="Draft">Save without queueing it (submit later).</param>
public sealed record CreateProjectRequest(string? Topic, ProjectOptionsRequest? Options = null, bool Draft = false);

/// <summary>Video options as a client sends them: every field optional, unknown values refused by validation.</summary>
public sealed record ProjectOptionsRequest(
    string? Archetype = null,
    int? DurationSeconds = null,
    string? Voice = null,
    string? Language = null,
    string? VisualStyle = null,
    IReadOnlyList<Guid>? MediaIds = null,
    IReadOnlyList<string>? Platforms = null,
    bool? AutoPublish = null,
    DateTimeOffset? PublishAt = null,
    int? Seed = null,
    string? OnDuplicate = null)
{
    /// <summary>These options over <paramref name="basis"/> (the defaults, or a project's current options when editing).</summary>
    public VideoOptions ApplyTo(VideoOptions? basis = null)
    {
        var b = basis ?? new VideoOptions();
        var voice = Voice?.ToLowerInvariant() ?? b.Voice;
        return new VideoOptions
        {
            Archetype = Archetype?.ToLowerInvariant() ?? b.Archetype,
            DurationSeconds = DurationSeconds ?? b.DurationSeconds,
            Voice = voice,
            Language = Language?.ToLowerInvariant() ?? (Voice is null ? b.Language : Voices.LanguageOf(voice)),
            VisualStyle = VisualStyle?.ToLowerInvariant() ?? b.VisualStyle,
            MediaIds = MediaIds ?? b.MediaIds,
            Platforms = Platforms?.Select(p => p.ToLowerInvariant()).ToList() ?? b.Platforms,
            AutoPublish = AutoPublish ?? b.AutoPublish,
            PublishAt = PublishAt ?? b.PublishAt,
            Seed = Seed ?? b.Seed,
            OnDuplicate = OnDuplicate?.ToLowerInvariant() ?? b.OnDuplicate,
        };
    }
}

/// <summary>Up to 100 projects at once: either <c>topics</c> sharing <c>options</c>, or <c>items</c> each with its
/// own options (falling back to the shared ones).</summary>
public sealed record BatchCreateRequest(IReadOnlyList<string>? Topics = null, IReadOnlyList<CreateProjectRequest>? Items = null, ProjectOptionsRequest? Options = null)
{
    public const int MaxProjects = 100;

    public IEnumerable<(string Topic, ProjectOptionsRequest? Options)> Entries() =>
        Items?.Select(i => (i.Topic!, i.Options ?? Options)) ?? Topics!.Select(t => (t, Options));
}

/// <param name="Title">A new title (at most 100 characters).</param>
/// <param name="Options">Options to change; omitted fields keep their values.</param>
/// <param name="Version">The version the change is based on (or send it as If-Match); a newer one answers 409.</param>
public sealed record UpdateProjectRequest(string? Title = null, ProjectOptionsRequest? Options = null, string? Version = null);

/// <param name="Platforms">youtube, tiktok and/or instagram.</param>
/// <param name="PublishAt">When to publish (future); now when omitted.</param>
public sealed record PublishProjectRequest(IReadOnlyList<string>? Platforms, DateTimeOffset? PublishAt = null);

/// <param name="Status">Comma-separated statuses to include.</param>
/// <param name="Q">Text to find in the topic or title.</param>
/// <param name="CreatedAfter">Only projects created after this instant.</param>
/// <param name="Limit">Page size, 1-100 (default 20).</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page.</param>
public sealed record ListProjectsQuery(string? Status = null, string? Q = null, DateTimeOffset? CreatedAfter = null, int? Limit = null, string? Cursor = null);
