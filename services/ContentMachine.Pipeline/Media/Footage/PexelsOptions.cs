using System.ComponentModel.DataAnnotations;

namespace ContentMachine.Pipeline.Media.Footage;

/// <summary>Section "Pipeline:Pexels": portrait stock footage for scenes without the user's own media (used when ApiKey
/// is set). The key is sent in the Authorization header, as Pexels asks, and never logged.</summary>
public sealed class PexelsOptions
{
    public const string Section = "Pipeline:Pexels";

    public string? ApiKey { get; set; }

    [Required]
    public Uri Endpoint { get; set; } = new("https://api.pexels.com/");

    [Range(1, 80)]
    public int PerPage { get; set; } = 10;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 120;
}
