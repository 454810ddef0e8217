namespace ContentMachine.Publishing.Model;

/// <summary>What is published: the stored video (and cover) and the text that goes with it, as the project gave it.</summary>
public sealed record PublicationContent(
    string VideoKey, string? CoverKey, string Title, string? Description, IReadOnlyList<string> Hashtags, DateTimeOffset? PublishAt)
{
    /// <summary>The SubRip captions the pipeline stores beside the video (outputs/captions.srt).</summary>
    public string CaptionsKey => VideoKey[..(VideoKey.LastIndexOf('/') + 1)] + "captions.srt";
}
