namespace ContentMachine.Publishing.Platforms;

/// <summary>The caption a person pastes when uploading to TikTok or Instagram: the title, the description, then the
/// hashtags, cut to the platform's caption length with the hashtags kept within its count (hashtags written in the text
/// count too; if the text alone has too many, its # signs are dropped).</summary>
public static class CaptionAdapter
{
    public static PlatformCaption ForTikTok(PublicationContent content) =>
        Build(content, PlatformLimits.TikTokCaptionChars, PlatformLimits.TikTokMaxHashtags);

    public static PlatformCaption ForInstagram(PublicationContent content) =>
        Build(content, PlatformLimits.InstagramCaptionChars, PlatformLimits.InstagramMaxHashtags);

    public static PlatformCaption Build(PublicationContent content, int maxChars, int maxHashtags)
    {
        var title = TextLimits.Normalize(TextLimits.OneLine(content.Title));
        var description = TextLimits.Normalize(content.Description);
        var body = description.Length == 0 || description == title ? title : $"{title}\n\n{description}";
        if (TextLimits.CountHashtags(body) > maxHashtags) body = body.Replace("#", "");

        // The hashtags get at most a third of the caption; the leading ones that fit are kept.
        var hashtagBudget = maxChars / 3;
        var slots = maxHashtags - TextLimits.CountHashtags(body);
        var hashtags = new List<string>();
        var length = 0;
        foreach (var tag in TextLimits.CleanHashtags(content.Hashtags))
        {
            if (hashtags.Count >= slots || length + tag.Length + 2 > hashtagBudget) break;
            hashtags.Add("#" + tag);
            length += tag.Length + 2;
        }
        var tagLine = string.Join(' ', hashtags);
        var room = tagLine.Length == 0 ? maxChars : maxChars - tagLine.Length - 2;
        body = TextLimits.TruncateChars(body, room);
        var caption = tagLine.Length == 0 ? body : body.Length == 0 ? tagLine : $"{body}\n\n{tagLine}";
        // Cutting the body can only remove hashtags, never add them (the cut is at a word boundary).
        return new PlatformCaption(caption, hashtags);
    }
}

public sealed record PlatformCaption(string Text, IReadOnlyList<string> Hashtags);
