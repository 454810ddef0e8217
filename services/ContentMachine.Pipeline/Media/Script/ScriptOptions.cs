using System.ComponentModel.DataAnnotations;

namespace ContentMachine.Pipeline.Media.Script;

/// <summary>Configuration section "Pipeline:Script". With no <see cref="Endpoint"/> the offline template writer is used.</summary>
public sealed class ScriptOptions
{
    public const string Section = "Pipeline:Script";

    /// <summary>Base address of an OpenAI-compatible server (OpenAI, Ollama, vLLM); "/v1/chat/completions" is appended.</summary>
    public Uri? Endpoint { get; set; }

    [Required]
    public string Model { get; set; } = "gpt-4o-mini";

    public string? ApiKey { get; set; }

    /// <summary>Further attempts after a failed or invalid answer.</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 2;

    [Range(0, 60_000)]
    public int RetryDelayMs { get; set; } = 500;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 90;
}
