namespace ContentMachine.Pipeline.Media.Script;

/// <summary>The words an archetype is made of. Placeholders: {topic} as written, {Topic} title-cased, {a}/{b} the two
/// sides of a versus topic, {i} the body scene's number, {n} the number of body scenes, {key} one of the topic's keywords.</summary>
public sealed record ArchetypeTemplate(
    string Name,
    IReadOnlyList<string> Titles,
    IReadOnlyList<string> Hooks,
    IReadOnlyList<string> Openers,
    IReadOnlyList<string> Body,
    IReadOnlyList<string> Fillers,
    IReadOnlyList<string> CallsToAction,
    IReadOnlyList<string> Descriptions,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<string> Shots);
