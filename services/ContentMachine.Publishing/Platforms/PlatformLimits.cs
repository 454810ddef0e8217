namespace ContentMachine.Publishing.Platforms;

/// <summary>The limits each platform documents (YouTube Data API videos resource; TikTok and Instagram captions).</summary>
public static class PlatformLimits
{
    public const int YouTubeTitleChars = 100;
    public const int YouTubeDescriptionBytes = 5000;
    public const int YouTubeTagsChars = 500;
    public const int YouTubeShortsMaxSeconds = 180;
    public const int TikTokCaptionChars = 2200;
    public const int InstagramCaptionChars = 2200;
    public const int InstagramMaxHashtags = 30;
    /// <summary>TikTok documents no hashtag count; more than this reads as spam and is cut.</summary>
    public const int TikTokMaxHashtags = 30;

    /// <summary>How YouTube counts the tags' total: each tag's length, quotes around a tag with a space, commas between.</summary>
    public static int YouTubeTagsLength(IReadOnlyList<string> tags) =>
        tags.Sum(t => t.Length + (t.Contains(' ') ? 2 : 0)) + Math.Max(0, tags.Count - 1);
}
