using ContentMachine.Contracts;

namespace ContentMachine.Pipeline.Media.Narration;

/// <summary>How one of the product's voices is selected in espeak. American voices by name with a variant ("+f3");
/// British by properties, because espeak_SetVoiceByName("en-gb") answers EE_NOT_FOUND (the voice file is gmw/en).</summary>
public sealed record EspeakVoice(string? Name, string Language, byte Gender)
{
    public const byte Male = 1;
    public const byte Female = 2;

    public static EspeakVoice For(string voice) => voice.ToLowerInvariant() switch
    {
        "en-us-female" => new("en-us+f3", "en-us", Female),
        "en-us-male" => new("en-us+m3", "en-us", Male),
        "en-gb-female" => new(null, "en-gb", Female),
        "en-gb-male" => new(null, "en-gb", Male),
        _ => throw new ArgumentException($"Unknown voice '{voice}'; expected one of {string.Join(", ", Voices.All)}", nameof(voice)),
    };
}
