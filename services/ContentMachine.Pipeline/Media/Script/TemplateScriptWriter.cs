using ContentMachine.Contracts;
using Microsoft.Extensions.Logging;

namespace ContentMachine.Pipeline.Media.Script;

/// <summary>The offline default: a script assembled from the archetype's templates, sized to the target duration at
/// <see cref="ScriptText.WordsPerSecond"/>. Deterministic: the seed (or the topic's stable hash) fixes every choice.</summary>
public sealed class TemplateScriptWriter(ILogger<TemplateScriptWriter> logger) : IScriptWriter
{
    public const int MinScenes = 3;
    public const int MaxScenes = 8;
    public const int MaxTitleLength = 100;

    public Task<VideoScript> WriteAsync(ScriptRequest request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var script = Write(request);
        logger.LogInformation("Template script for {Archetype}: {Scenes} scenes, {Words} words for {DurationSeconds} s",
            request.Options.Archetype, script.Scenes.Count, script.WordCount, request.Options.DurationSeconds);
        return Task.FromResult(script);
    }

    public static int SceneCountFor(int durationSeconds) => Math.Clamp((int)Math.Round(durationSeconds / 8.0), MinScenes, MaxScenes);

    public static int TargetWordsFor(int durationSeconds) => (int)Math.Round(durationSeconds * ScriptText.WordsPerSecond);

    public static VideoScript Write(ScriptRequest request)
    {
        var options = request.Options;
        var template = ArchetypeTemplates.For(options.Archetype);
        var seed = options.Seed ?? StableHash.OfTopic(request.Topic);
        // The topic is mixed in so that one explicit seed reused across topics still gives each topic its own choices.
        var random = new SeededRandom(((long)seed << 32) ^ StableHash.Of(request.Topic.Trim().ToLowerInvariant()) ^ StableHash.Of(template.Name));
        var fill = new ScriptPlaceholders(request.Topic, random);

        var sceneCount = SceneCountFor(options.DurationSeconds);
        var bodyCount = sceneCount - 2;
        var target = TargetWordsFor(options.DurationSeconds);
        var choose = new TemplateChoice(fill, random, bodyCount);
        // Hook and call to action take at most about a quarter of a short script each, so the body keeps its share.
        var frameWords = Math.Max(8, target / 4);
        var hook = choose.Within(template.Hooks, frameWords);
        var cta = choose.Within(template.CallsToAction, frameWords);
        var texts = new List<string> { hook };
        texts.AddRange(new SceneBodyBuilder(template, fill, random)
            .Build(bodyCount, target - ScriptText.CountWords(hook) - ScriptText.CountWords(cta)));
        texts.Add(cta);

        var shots = random.Shuffle(template.Shots);
        var scenes = texts.Select((text, i) => new SceneScript(
            i + 1,
            text,
            Math.Round(ScriptText.CountWords(text) / ScriptText.WordsPerSecond, 1),
            VisualPrompt(fill.Keywords, shots[i % shots.Count], options.VisualStyle))).ToList();

        var title = ScriptText.Truncate(choose.Any(template.Titles), MaxTitleLength);
        var hashtags = Hashtags(request.Topic, fill.Keywords, template);
        var description = $"{choose.Any(template.Descriptions)}\n\n{string.Join(' ', hashtags)}";
        return new VideoScript(title, description, hashtags, scenes);
    }

    private static string VisualPrompt(IReadOnlyList<string> keywords, string shot, string style) =>
        string.Join(", ", keywords.Take(3).Append(shot).Append(style).Append("vertical"));

    private static IReadOnlyList<string> Hashtags(string topic, IReadOnlyList<string> keywords, ArchetypeTemplate template)
    {
        var tags = new List<string>();
        if (ScriptText.Hashtag(topic) is { } topicTag) tags.Add(topicTag);
        tags.AddRange(keywords.Take(3).Select(ScriptText.Hashtag).OfType<string>());
        tags.AddRange(template.Hashtags);
        return tags.Distinct(StringComparer.OrdinalIgnoreCase).Take(8).ToList();
    }
}
