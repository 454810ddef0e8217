namespace ContentMachine.Pipeline.Media.Script;

internal static class StoryTemplate
{
    public static readonly ArchetypeTemplate Value = new(
        "story",
        Titles: ["The Untold Story Of {Topic}", "How {Topic} Changed Everything", "The Strange Story Behind {Topic}"],
        Hooks:
        [
            "This is the story of {topic}, and it is stranger than you think.",
            "Nobody expected {topic} to change everything. Then it did.",
            "Let me tell you how {topic} really began.",
        ],
        Openers: ["", "Then,", "Later,", "Chapter {i}."],
        Body:
        [
            "It started quietly, with a handful of people curious about {key}.",
            "At first, nobody took {topic} seriously.",
            "Then one small discovery changed the direction of everything.",
            "The doubters were loud, but the results were louder.",
            "Within a few years, {key} was everywhere.",
            "Not everyone was happy about it, and the fight that followed was fierce.",
            "One mistake almost ended the whole thing.",
            "But a second chance came from the most unlikely place.",
            "Today, {topic} looks obvious, but it was never meant to happen.",
            "And the people behind it are still surprised by what it became.",
        ],
        Fillers: ["Nobody saw it coming.", "And that was only the beginning.", "It was a turning point."],
        CallsToAction:
        [
            "Follow for more untold stories, and tell me what should be next.",
            "If you liked this story, follow for part two.",
            "Share this with someone who loves a good story, and follow for more.",
        ],
        Descriptions: ["The surprising story of {topic}, told in under a minute.", "How {topic} began, and why it matters today."],
        Hashtags: ["#Story", "#History", "#Shorts"],
        Shots: ["vintage photo", "city at night", "old map", "portrait", "sunrise", "crowd", "empty road", "archive"]);
}
