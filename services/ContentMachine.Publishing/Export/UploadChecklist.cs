using System.Text;
using ContentMachine.Publishing.Platforms;

namespace ContentMachine.Publishing.Export;

/// <summary>CHECKLIST.md: the steps a person follows to upload the package by hand, per platform.</summary>
public static class UploadChecklist
{
    public static string For(Platform platform, PublicationContent content, IReadOnlyCollection<string> files)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Upload checklist: {platform}").AppendLine();
        text.AppendLine($"Title: {content.Title}").AppendLine();
        if (content.PublishAt is { } at) text.AppendLine($"Publish at: {at.ToUniversalTime():yyyy-MM-dd HH:mm} UTC").AppendLine();
        foreach (var step in Steps(platform, files)) text.AppendLine($"- [ ] {step}");
        text.AppendLine().AppendLine("The captions in this package are already within the platform's limits; paste them as they are.");
        return text.ToString();
    }

    private static IEnumerable<string> Steps(Platform platform, IReadOnlyCollection<string> files)
    {
        var hasCover = files.Contains(ExportPackageWriter.CoverEntry);
        var hasCaptions = files.Contains(ExportPackageWriter.CaptionsEntry);
        switch (platform)
        {
            case Platform.Tiktok:
                yield return "Open TikTok (app or tiktok.com/upload) and choose video.mp4 (vertical 1080x1920).";
                yield return $"Paste caption-tiktok.txt as the caption (at most {PlatformLimits.TikTokCaptionChars} characters, hashtags included).";
                if (hasCover) yield return "Pick the cover frame, or upload cover.jpg where the app allows it.";
                yield return "Turn on the AI-generated content label (the narration and visuals are generated).";
                if (hasCaptions) yield return "Optional: auto captions are burned in; captions.srt is there if you want editable ones.";
                yield return "Schedule or post, then note the video link.";
                break;
            case Platform.Instagram:
                yield return "Create a new Reel and choose video.mp4.";
                yield return $"Paste caption-instagram.txt (at most {PlatformLimits.InstagramCaptionChars} characters and {PlatformLimits.InstagramMaxHashtags} hashtags).";
                if (hasCover) yield return "Edit cover: add cover.jpg from your camera roll.";
                yield return "Add the AI info label (Meta asks for it on realistic generated media).";
                yield return "Share, then note the Reel link.";
                break;
            default:
                yield return "Open YouTube Studio and upload video.mp4 (vertical and at most 180 s: it becomes a Short).";
                yield return "Title and description: copy them from caption-youtube.txt; add the tags listed there.";
                if (hasCover) yield return "Thumbnail: cover.jpg.";
                if (hasCaptions) yield return "Subtitles: upload captions.srt.";
                yield return "Audience: not made for kids. Altered or synthetic content: yes.";
                yield return "Visibility: public, or schedule it.";
                break;
        }
    }
}
