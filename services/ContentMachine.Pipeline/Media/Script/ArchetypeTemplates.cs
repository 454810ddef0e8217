using ContentMachine.Contracts;

namespace ContentMachine.Pipeline.Media.Script;

public static class ArchetypeTemplates
{
    public static readonly IReadOnlyDictionary<string, ArchetypeTemplate> ByName =
        new[] { ListicleTemplate.Value, VersusTemplate.Value, HowToTemplate.Value, MythTemplate.Value, StoryTemplate.Value }
            .ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>An unknown archetype falls back to the listicle rather than failing a run the API already accepted.</summary>
    public static ArchetypeTemplate For(string archetype) =>
        ByName.TryGetValue(archetype, out var template) ? template : ByName[Archetypes.Listicle];

    /// <summary>Sentences that fit any archetype, mixed into each archetype's own pool so that a long script (up to ~450
    /// words) repeats itself as little as possible.</summary>
    public static readonly IReadOnlyList<string> CommonBody =
    [
        "Here is the part most videos about {topic} leave out.",
        "The details of {key} matter more than the headline.",
        "Scientists and hobbyists alike still argue about {key}.",
        "If you remember one thing about {topic}, make it this.",
        "Small habits around {key} add up faster than you think.",
        "The best examples of {topic} are hiding in plain sight.",
        "Once people understand {key}, they rarely go back.",
        "It is easy to overlook, and that is exactly the point.",
        "The first time I learned this about {topic}, I did not believe it.",
        "Numbers rarely lie, and the numbers on {key} are striking.",
        "Even experts still get surprised by {topic}.",
        "Picture it for a moment, and it starts to make sense.",
    ];

    /// <summary>Closing lines every archetype can use to top a scene up to its word budget.</summary>
    public static readonly IReadOnlyList<string> CommonFillers =
    [
        "Think about that for a second.", "That changes everything.", "Most people never notice.",
        "And it happens every single day.", "Here is why it matters.", "Now you know.", "It sounds simple, but it works.",
    ];
}
