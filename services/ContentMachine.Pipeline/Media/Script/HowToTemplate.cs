namespace ContentMachine.Pipeline.Media.Script;

internal static class HowToTemplate
{
    public static readonly ArchetypeTemplate Value = new(
        "how-to",
        Titles: ["How To Master {Topic} In {n} Simple Steps", "{Topic}: A {n} Step Guide", "The Fastest Way To Get {Topic} Right"],
        Hooks:
        [
            "Here is how to get {topic} right in {n} simple steps.",
            "Want to finally nail {topic}? Follow these {n} steps.",
            "Nobody showed you how to do {topic} properly. Let's fix that.",
        ],
        Openers: ["Step {i}.", "Step number {i}.", "Next, step {i}."],
        Body:
        [
            "Start small and set up everything you need for {topic} before you begin.",
            "Take five minutes to plan, because planning saves an hour later.",
            "Focus on {key} first, the rest follows from it.",
            "Do one short practice run and notice what feels awkward.",
            "Fix the biggest mistake first instead of polishing the details.",
            "Keep a simple checklist so you never skip a step.",
            "Ask someone who has done {topic} before to watch you once.",
            "Repeat it daily for a week and it becomes automatic.",
            "Measure the result, so you know it is actually working.",
            "When you get stuck, go back one step and slow down.",
        ],
        Fillers: ["Easy, right?", "Do not skip this one.", "That is the whole trick."],
        CallsToAction:
        [
            "Try it today, then follow for more quick guides like this.",
            "Save this so you have the steps when you need them, and follow for more.",
            "Tell me in the comments which step was hardest, and follow for more.",
        ],
        Descriptions: ["A quick step by step guide to {topic}.", "{n} simple steps to get {topic} right the first time."],
        Hashtags: ["#HowTo", "#Tutorial", "#Shorts"],
        Shots: ["hands at work", "workspace", "checklist", "tools on a table", "before and after", "step by step", "close-up", "desk"]);
}
