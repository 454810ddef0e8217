using System.ComponentModel.DataAnnotations;

namespace ContentMachine.Pipeline.Media.Speech;

/// <summary>Section "Pipeline:Narration": an OpenAI-compatible text-to-speech endpoint instead of espeak-ng (used when
/// Endpoint is set). The key is sent as a bearer token and never logged.</summary>
public sealed class SpeechOptions
{
    public const string Section = "Pipeline:Narration";

    public Uri? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    [Required]
    public string Model { get; set; } = "tts-1";

    [Range(0.25, 4.0)]
    public double Speed { get; set; } = 1.0;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Our voices to the endpoint's voice names.</summary>
    public Dictionary<string, string> Voices { get; set; } = new()
    {
        ["en-us-female"] = "nova",
        ["en-us-male"] = "onyx",
        ["en-gb-female"] = "shimmer",
        ["en-gb-male"] = "fable",
    };
}
