using System.Text.Json.Serialization;

namespace ContentMachine.Cli.Api;

/// <summary>The API's JSON: camelCase, nulls left out of requests; indented when printed for <c>--json</c>.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly JsonSerializerOptions Printed = new(Options) { WriteIndented = true };

    public static T Read<T>(JsonElement json) =>
        json.Deserialize<T>(Options) ?? throw new JsonException($"The API answered null where a {typeof(T).Name} was expected.");

    public static string Print(JsonElement json) => JsonSerializer.Serialize(json, Printed);
}
