namespace ContentMachine.Contracts;

/// <summary>The names every service agrees on. Lowercase strings on the wire.</summary>
public static class Archetypes
{
    public const string Listicle = "listicle";
    public static readonly IReadOnlyList<string> All = [Listicle, "versus", "how-to", "myth", "story"];
}

public static class Voices
{
    public const string Default = "en-us-female";
    public static readonly IReadOnlyList<string> All = ["en-us-female", "en-us-male", "en-gb-female", "en-gb-male"];

    /// <summary>The language a voice speaks (the part before the first '-').</summary>
    public static string LanguageOf(string voice) => voice.Split('-')[0];
}

public static class Languages
{
    public static readonly IReadOnlyList<string> All = ["en"];
}

public static class VisualStyles
{
    public const string Vivid = "vivid";
    public static readonly IReadOnlyList<string> All = [Vivid, "pastel", "dark", "minimal"];
}

public static class Platforms
{
    public static readonly IReadOnlyList<string> All = ["youtube", "tiktok", "instagram"];
}

/// <summary>What the pipeline does when Search finds the script too close to existing content: go on and record it, or fail.</summary>
public static class DuplicatePolicies
{
    public const string Warn = "warn";
    public const string Fail = "fail";
    public static readonly IReadOnlyList<string> All = [Warn, Fail];
}

/// <summary>The pipeline's stages, in order.</summary>
public static class Stages
{
    public static readonly IReadOnlyList<string> All = ["script", "narration", "visuals", "render", "cover", "store"];
}
