using System.Text.Json;

namespace ContentMachine.AppHost.Console;

/// <summary>The services log JSON lines (for machines); on the AppHost's console each is shown as
/// <c>level category: message</c>, with the exception underneath. Anything else is shown as it came.</summary>
public static class LogLineRenderer
{
    public static string Render(string text)
    {
        if (text.Length == 0 || text[0] != '{') return text;
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (!root.TryGetProperty("LogLevel", out var level) || !root.TryGetProperty("Message", out var message)) return text;
            var category = root.TryGetProperty("Category", out var c) ? c.GetString() ?? "" : "";
            var rendered = $"{Short(level.GetString())} {category[(category.LastIndexOf('.') + 1)..]}: {message.GetString()}";
            return root.TryGetProperty("Exception", out var exception) && exception.GetString() is { Length: > 0 } ex
                ? rendered + Environment.NewLine + ex
                : rendered;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static string Short(string? level) => level switch
    {
        "Trace" => "trce",
        "Debug" => "dbug",
        "Information" => "info",
        "Warning" => "warn",
        "Error" => "fail",
        "Critical" => "crit",
        _ => level ?? "",
    };
}
