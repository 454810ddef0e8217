using System.Text;
using FsCheck;
using FsCheck.Xunit;

namespace ContentMachine.Publishing.Tests.Platforms;

public sealed class MetadataPropertyTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2030-06-01T12:00:00Z");

    [Property(Arbitrary = [typeof(TextGenerators)], MaxTest = 300)]
    public void YouTube_metadata_is_within_limits_and_keeps_the_leading_words(PublicationContent content) =>
        CheckYouTube(content);

    [Property(MaxTest = 500)]
    public void YouTube_metadata_is_within_limits_for_any_strings(string title, string description, string[] hashtags) =>
        CheckYouTube(new PublicationContent("v", null, title ?? "", description, hashtags ?? [], null));

    [Property(Arbitrary = [typeof(TextGenerators)], MaxTest = 300)]
    public void TikTok_and_Instagram_captions_are_within_limits_and_keep_the_leading_words(PublicationContent content)
    {
        CheckCaption(content, CaptionAdapter.ForTikTok(content), PlatformLimits.TikTokCaptionChars, PlatformLimits.TikTokMaxHashtags);
        CheckCaption(content, CaptionAdapter.ForInstagram(content), PlatformLimits.InstagramCaptionChars, PlatformLimits.InstagramMaxHashtags);
    }

    [Property(MaxTest = 500)]
    public void Captions_are_within_limits_for_any_strings(string title, string description, string[] hashtags)
    {
        var content = new PublicationContent("v", null, title ?? "", description, hashtags ?? [], null);
        CheckCaption(content, CaptionAdapter.ForInstagram(content), PlatformLimits.InstagramCaptionChars, PlatformLimits.InstagramMaxHashtags);
    }

    [Fact]
    public void A_scheduled_video_is_private_with_its_publish_time_and_always_states_kids_and_synthetic_media()
    {
        var at = Now.AddDays(1);
        var m = YouTubeMetadataAdapter.Adapt(new PublicationContent("v", null, "Five <facts> about owls", "Owls.", ["owls", "#birds", "owls"], at),
            new YouTubeDefaults("27", "public", MadeForKids: false), Now);

        m.Title.Should().Be("Five facts about owls");
        m.PrivacyStatus.Should().Be("private");
        m.PublishAt.Should().Be(at);
        m.Tags.Should().Equal("owls", "birds");
        m.Description.Should().Be("Owls.\n\n#owls #birds");
        m.CategoryId.Should().Be("27");
        m.SelfDeclaredMadeForKids.Should().BeFalse();
        m.ContainsSyntheticMedia.Should().BeTrue();
        YouTubeMetadataAdapter.Adapt(new PublicationContent("v", null, "t", null, [], null), new YouTubeDefaults(), Now).PrivacyStatus.Should().Be("public");
    }

    [Fact]
    public void Instagram_keeps_thirty_hashtags_counting_those_in_the_text()
    {
        var content = new PublicationContent("v", null, "Title #one #two", null, Enumerable.Range(0, 50).Select(i => $"tag{i}").ToList(), null);
        var caption = CaptionAdapter.ForInstagram(content);

        TextLimits.CountHashtags(caption.Text).Should().Be(30);
        caption.Hashtags.Should().HaveCount(28).And.StartWith("#tag0");
        caption.Text.Should().StartWith("Title #one #two\n\n#tag0 #tag1");
    }

    private static void CheckYouTube(PublicationContent content)
    {
        var m = YouTubeMetadataAdapter.Adapt(content, new YouTubeDefaults(), Now);

        m.Title.Length.Should().BeInRange(1, PlatformLimits.YouTubeTitleChars);
        m.Title.Should().NotContainAny("<", ">");
        Encoding.UTF8.GetByteCount(m.Description).Should().BeLessThanOrEqualTo(PlatformLimits.YouTubeDescriptionBytes);
        m.Description.Should().NotContainAny("<", ">");
        PlatformLimits.YouTubeTagsLength(m.Tags).Should().BeLessThanOrEqualTo(PlatformLimits.YouTubeTagsChars);
        m.Tags.Should().NotContain(t => t.Length == 0 || t.Contains('<') || t.Contains('>'));
        m.CategoryId.Should().NotBeNullOrEmpty();
        m.ContainsSyntheticMedia.Should().BeTrue();
        if (content.PublishAt > Now) m.PrivacyStatus.Should().Be("private");

        var title = TextLimits.Normalize(TextLimits.OneLine(TextLimits.RemoveAngleBrackets(content.Title)));
        if (title.Length == 0)
        {
            m.Title.Should().Be(YouTubeMetadataAdapter.FallbackTitle);
            return;
        }
        title.Should().StartWith(m.Title, "the title keeps its beginning");
        KeepsFirstWord(title, m.Title, PlatformLimits.YouTubeTitleChars);
        var description = TextLimits.Normalize(TextLimits.RemoveAngleBrackets(content.Description ?? ""));
        if (description.Length > 0) description.Should().StartWith(FirstLine(m.Description, description), "the description keeps its beginning");
    }

    private static void CheckCaption(PublicationContent content, PlatformCaption caption, int maxChars, int maxHashtags)
    {
        caption.Text.Length.Should().BeLessThanOrEqualTo(maxChars);
        TextLimits.CountHashtags(caption.Text).Should().BeLessThanOrEqualTo(maxHashtags);
        var title = TextLimits.Normalize(TextLimits.OneLine(content.Title)).Replace("#", "");
        if (title.Length > 0) KeepsFirstWord(title, caption.Text.Replace("#", ""), maxChars / 2);
    }

    /// <summary>The first word survives whole whenever it fits.</summary>
    private static void KeepsFirstWord(string source, string result, int limit)
    {
        var first = source.Split([' ', '\n'])[0];
        if (first.Length <= limit) result.Should().StartWith(first);
    }

    /// <summary>The adapted description up to the hashtags appended to it (when they were).</summary>
    private static string FirstLine(string adapted, string source) =>
        adapted.Length > source.Length && adapted.StartsWith(source, StringComparison.Ordinal) ? source : adapted;
}
