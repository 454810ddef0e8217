using System.Text.Json;
using ContentMachine.Contracts;

namespace ContentMachine.Pipeline.Media.Script;

/// <summary>Turns a model's JSON answer into a <see cref="VideoScript"/>, or says exactly what is wrong with it.</summary>
public static class ChatScriptParser
{
    public static (VideoScript? Script, string? Error) Parse(string content, ScriptRequest request)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(content);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, $"the answer is not JSON ({e.Message})");
        }
        if (root.ValueKind != JsonValueKind.Object) return (null, "the answer is not a JSON object");

        var title = String(root, "title")?.Trim();
        if (string.IsNullOrEmpty(title)) return (null, "title is missing");
        if (title.Length > TemplateScriptWriter.MaxTitleLength) return (null, $"title is {title.Length} characters (at most {TemplateScriptWriter.MaxTitleLength})");

        if (!root.TryGetProperty("hashtags", out var tagArray) || tagArray.ValueKind != JsonValueKind.Array)
            return (null, "hashtags is missing");
        var hashtags = tagArray.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String)
            .Select(t => ScriptText.Hashtag(t.GetString()!)).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (hashtags.Count is < 3 or > 8) return (null, $"{hashtags.Count} hashtags (3 to 8 expected)");

        if (!root.TryGetProperty("scenes", out var sceneArray) || sceneArray.ValueKind != JsonValueKind.Array)
            return (null, "scenes is missing");
        var scenes = new List<SceneScript>();
        foreach (var scene in sceneArray.EnumerateArray())
        {
            var text = scene.ValueKind == JsonValueKind.Object ? String(scene, "text")?.Trim() : null;
            var prompt = scene.ValueKind == JsonValueKind.Object ? String(scene, "visualPrompt")?.Trim() : null;
            if (string.IsNullOrEmpty(text)) return (null, $"scene {scenes.Count + 1} has no text");
            if (string.IsNullOrEmpty(prompt)) return (null, $"scene {scenes.Count + 1} has no visualPrompt");
            scenes.Add(new SceneScript(scenes.Count + 1, text, Math.Round(ScriptText.CountWords(text) / ScriptText.WordsPerSecond, 1), prompt));
        }
        if (scenes.Count is < TemplateScriptWriter.MinScenes or > TemplateScriptWriter.MaxScenes)
            return (null, $"{scenes.Count} scenes ({TemplateScriptWriter.MinScenes} to {TemplateScriptWriter.MaxScenes} expected)");

        // Models count words loosely; only a script far from the target length would break the video's duration.
        var target = TemplateScriptWriter.TargetWordsFor(request.Options.DurationSeconds);
        var words = scenes.Sum(s => ScriptText.CountWords(s.Text));
        if (words < target / 2 || words > target * 2) return (null, $"{words} words for a target of about {target}");

        return (new VideoScript(title, String(root, "description")?.Trim() ?? "", hashtags, scenes), null);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
