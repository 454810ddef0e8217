namespace ContentMachine.Cli.Configuration;

/// <summary>The optional <c>cm.json</c>: <c>{"url": "http://127.0.0.1:8080", "apiKey": "..."}</c>.</summary>
public sealed record ConfigFile(string? Url = null, string? ApiKey = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
    };

    /// <summary>The file at <paramref name="path"/>, or null when there is none.</summary>
    public static ConfigFile? Load(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<ConfigFile>(File.ReadAllText(path), Json) ?? new ConfigFile();
        }
        catch (JsonException ex)
        {
            throw CliException.Usage($"The config file {path} is not valid JSON: {ex.Message}");
        }
    }
}
