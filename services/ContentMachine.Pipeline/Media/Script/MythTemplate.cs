namespace ContentMachine.Pipeline.Media.Script;

internal static class MythTemplate
{
    public static readonly ArchetypeTemplate Value = new(
        "myth",
        Titles: ["{n} Myths About {Topic} You Still Believe", "{Topic}: Myths vs Facts", "Stop Believing These {Topic} Myths"],
        Hooks:
        [
            "You have been lied to about {topic}. Let's bust {n} myths.",
            "Everything you heard about {topic} might be wrong.",
            "{n} myths about {topic} that refuse to die.",
        ],
        Openers: ["Myth number {i}.", "Myth {i}.", "Next myth."],
        Body:
        [
            "People say {topic} is only for experts. The truth is anyone can start.",
            "The myth says more {key} is always better. In reality, balance wins.",
            "You may have heard that {topic} is new. It is actually centuries old.",
            "Many believe {key} cannot be measured. Modern tools measure it easily.",
            "The story goes that it takes years to learn. Most basics take a weekend.",
            "Some claim {topic} is dangerous. The real risks are small and well known.",
            "A popular myth says {key} never changes. It changes all the time.",
            "They say you need expensive gear. The cheap option is often just as good.",
            "Here is the truth: the evidence points the other way.",
            "It sounds right, which is exactly why the myth spread.",
        ],
        Fillers: ["Busted.", "Totally false.", "That one is a myth too."],
        CallsToAction:
        [
            "Which myth did you believe? Comment below and follow for more myth busting.",
            "Share this with a friend who still believes it, and follow for more.",
            "Follow for more myths about {topic}, busted in seconds.",
        ],
        Descriptions: ["Common myths about {topic}, and what is actually true.", "{n} myths about {topic}, busted with facts."],
        Hashtags: ["#MythBusting", "#FactCheck", "#Shorts"],
        Shots: ["question mark", "magnifying glass", "crossed out", "spotlight", "old book", "laboratory", "contrast", "reveal"]);
}
