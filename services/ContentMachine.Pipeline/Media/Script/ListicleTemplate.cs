namespace ContentMachine.Pipeline.Media.Script;

internal static class ListicleTemplate
{
    public static readonly ArchetypeTemplate Value = new(
        "listicle",
        Titles: ["What Nobody Tells You About {Topic}", "{n} Things Nobody Tells You About {Topic}", "{Topic}: {n} Facts That Will Surprise You", "{n} Things To Know About {Topic}"],
        Hooks:
        [
            "Here is what nobody tells you about {topic}.",
            "Here are {n} things about {topic} that nobody tells you.",
            "You think you know {topic}? These {n} facts say otherwise.",
            "Stop scrolling: {n} things about {topic} in under a minute.",
        ],
        Openers: ["Number {i}.", "Fact number {i}.", "Point {i}."],
        Body:
        [
            "When it comes to {topic}, small details make the biggest difference.",
            "Experts who study {key} spend years on this one question.",
            "Most people learn this about {topic} far too late.",
            "The numbers behind {key} are bigger than you would guess.",
            "It is the part of {topic} that almost everyone skips.",
            "Once you see it, you will spot it everywhere.",
            "This is why {key} keeps surprising even the professionals.",
            "History shows that {topic} was never as simple as it looks.",
            "A tiny change here has an outsized effect on {key}.",
            "Researchers keep finding new layers to {topic}.",
        ],
        Fillers: ["Keep that one in mind.", "Write that down.", "That one surprised me too."],
        CallsToAction:
        [
            "Follow for more about {topic}, and tell me which one surprised you.",
            "Save this for later and follow for part two.",
            "Which number did you know already? Comment below and follow for more.",
        ],
        Descriptions: ["{n} quick facts about {topic}, explained in under a minute.", "Everything you should know about {topic}, counted down."],
        Hashtags: ["#Facts", "#DidYouKnow", "#Shorts"],
        Shots: ["close-up", "wide shot", "detail", "aerial view", "macro", "silhouette", "top-down", "street scene"]);
}
