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

    /// <summary>Closing lines every archetype can use to top a scene up to its word budget.</summary>
    public static readonly IReadOnlyList<string> CommonFillers =
    [
        "Think about that for a second.", "That changes everything.", "Most people never notice.",
        "And it happens every single day.", "Here is why it matters.", "Now you know.", "It sounds simple, but it works.",
    ];
}
