namespace ContentMachine.Cli.Api;

/// <summary>An RFC 9457 ProblemDetails answer, as one line: "title: detail (field: message; ...)".</summary>
public sealed record ApiProblem(string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem Parse(string body)
    {
        try
        {
            var json = JsonDocument.Parse(body).RootElement;
            if (json.ValueKind != JsonValueKind.Object) return new(null, Shorten(body), new Dictionary<string, string[]>());
            var errors = new Dictionary<string, string[]>();
            if (json.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                foreach (var field in fields.EnumerateObject())
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(m => m.ToString()).ToArray()
                        : [field.Value.ToString()];
            return new(Text(json, "title"), Text(json, "detail"), errors);
        }
        catch (JsonException)
        {
            return new(null, Shorten(body), new Dictionary<string, string[]>());
        }
    }

    public string Describe(HttpStatusCode status)
    {
        var head = (Title, Detail) switch
        {
            (null, null) => $"{(int)status} {status}",
            (null, { } detail) => detail,
            ({ } title, null) => title.TrimEnd('.'),
            ({ } title, { } detail) => $"{title.TrimEnd('.')}: {detail}",
        };
        return Errors.Count == 0 ? head : $"{head} ({string.Join("; ", Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))})";
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string? Shorten(string body)
    {
        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length == 0 ? null : line.Length <= 200 ? line : line[..200] + "...";
    }
}
