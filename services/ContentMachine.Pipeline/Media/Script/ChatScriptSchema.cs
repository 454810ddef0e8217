using System.Text.Json.Nodes;

namespace ContentMachine.Pipeline.Media.Script;

/// <summary>The JSON shape asked of a chat model (response_format json_schema) and the prompt that explains it.</summary>
public static class ChatScriptSchema
{
    public static JsonObject Schema() => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray("title", "description", "hashtags", "scenes"),
        ["properties"] = new JsonObject
        {
            ["title"] = new JsonObject { ["type"] = "string" },
            ["description"] = new JsonObject { ["type"] = "string" },
            ["hashtags"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            ["scenes"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = new JsonArray("text", "visualPrompt"),
                    ["properties"] = new JsonObject
                    {
                        ["text"] = new JsonObject { ["type"] = "string" },
                        ["visualPrompt"] = new JsonObject { ["type"] = "string" },
                    },
                },
            },
        },
    };

    public static string SystemPrompt =>
        "You write narration scripts for vertical short-form videos (YouTube Shorts, TikTok, Reels). Answer only with JSON " +
        "matching the schema. The first scene is a hook, the last a call to action. Scene text is spoken aloud: plain " +
        "sentences, no emoji, no stage directions. visualPrompt is a few comma-separated keywords for the scene's background.";

    public static string UserPrompt(ScriptRequest request) =>
        $"Topic: {request.Topic}\nArchetype: {request.Options.Archetype}\nLanguage: {request.Options.Language}\n" +
        $"Target length: {request.Options.DurationSeconds} seconds, about {TemplateScriptWriter.TargetWordsFor(request.Options.DurationSeconds)} spoken words in total.\n" +
        $"Scenes: {TemplateScriptWriter.SceneCountFor(request.Options.DurationSeconds)} (between {TemplateScriptWriter.MinScenes} and {TemplateScriptWriter.MaxScenes}).\n" +
        $"Title at most {TemplateScriptWriter.MaxTitleLength} characters; 3 to 8 hashtags.";
}
