namespace ContentMachine.Publishing.Platforms;

/// <summary>Adapts a project's text to YouTube's video resource rules: title at most 100 characters without angle
/// brackets, description at most 5000 UTF-8 bytes (hashtags appended when they fit), tags at most 500 characters in all,
/// a scheduled publishAt forcing privacy to private, made-for-kids always stated, synthetic media always disclosed.</summary>
public static class YouTubeMetadataAdapter
{
    public const string FallbackTitle = "Untitled video";

    public static YouTubeMetadata Adapt(PublicationContent content, YouTubeDefaults defaults, DateTimeOffset now)
    {
        var title = TextLimits.TruncateChars(TextLimits.Normalize(TextLimits.OneLine(TextLimits.RemoveAngleBrackets(content.Title))), PlatformLimits.YouTubeTitleChars);
        var hashtags = TextLimits.CleanHashtags(content.Hashtags);
        var body = TextLimits.Normalize(TextLimits.RemoveAngleBrackets(content.Description ?? ""));
        var tagLine = string.Join(' ', hashtags.Take(15).Select(h => "#" + h));
        var description = TextLimits.TruncateUtf8(body, PlatformLimits.YouTubeDescriptionBytes);
        var withTags = body.Length == 0 ? tagLine : $"{body}\n\n{tagLine}";
        if (tagLine.Length > 0 && System.Text.Encoding.UTF8.GetByteCount(withTags) <= PlatformLimits.YouTubeDescriptionBytes) description = withTags;
        var scheduled = content.PublishAt > now;
        return new YouTubeMetadata(
            title.Length == 0 ? FallbackTitle : title,
            description,
            Tags(hashtags),
            defaults.CategoryId,
            scheduled ? "private" : defaults.PrivacyStatus,
            scheduled ? content.PublishAt!.Value.ToUniversalTime() : null,
            defaults.MadeForKids,
            ContainsSyntheticMedia: true);
    }

    /// <summary>The leading tags that fit in 500 characters (in order; the first that does not fit ends the list).</summary>
    private static IReadOnlyList<string> Tags(IReadOnlyList<string> hashtags)
    {
        var tags = new List<string>();
        foreach (var tag in hashtags)
        {
            tags.Add(tag);
            if (PlatformLimits.YouTubeTagsLength(tags) <= PlatformLimits.YouTubeTagsChars) continue;
            tags.RemoveAt(tags.Count - 1);
            break;
        }
        return tags;
    }
}

/// <summary>The channel's defaults for what the project does not say.</summary>
public sealed record YouTubeDefaults(string CategoryId = "22", string PrivacyStatus = "public", bool MadeForKids = false);
