namespace ContentMachine.Pipeline.Media.Script;

internal static class VersusTemplate
{
    public static readonly ArchetypeTemplate Value = new(
        "versus",
        Titles: ["{A} vs {B}: Which One Wins?", "{A} or {B}? The Honest Comparison", "{A} vs {B} in {n} Rounds"],
        Hooks:
        [
            "{a} or {b}? Let's settle it in {n} rounds.",
            "Everyone argues about {a} versus {b}. Here is the honest answer.",
            "{a} against {b}. Only one of them wins today.",
        ],
        Openers: ["Round {i}.", "Round {i}, fight.", "Next round."],
        Body:
        [
            "On price, {a} usually looks better at first glance.",
            "But {b} tends to last longer than people expect.",
            "For beginners, {a} is easier to get started with.",
            "Power users often swear by {b} for one simple reason.",
            "In everyday use, the gap between {a} and {b} is smaller than the fans admit.",
            "When things go wrong, {b} is easier to recover from.",
            "{a} wins on speed, no contest.",
            "{b} wins on flexibility, and it is not close.",
            "The surprising tie breaker is how each one feels after a month.",
            "Ask ten experts and you will hear {a} six times.",
        ],
        Fillers: ["Point to {a}.", "Point to {b}.", "That round is a draw."],
        CallsToAction:
        [
            "Team {a} or team {b}? Vote in the comments and follow for the rematch.",
            "Follow for more showdowns, and tell me who you think won.",
            "Share this with someone who picked the wrong side.",
        ],
        Descriptions: ["{a} versus {b}, compared round by round.", "The honest comparison of {a} and {b}."],
        Hashtags: ["#Versus", "#Comparison", "#Shorts"],
        Shots: ["split screen", "side by side", "close-up", "contrast", "arena", "scoreboard", "spotlight", "duel"]);
}
