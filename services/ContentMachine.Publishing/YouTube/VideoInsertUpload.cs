using Google.Apis.Upload;
using Google.Apis.Util;

namespace ContentMachine.Publishing.YouTube;

/// <summary>videos.insert as a resumable upload: POST {base}videos?part=snippet,status&amp;uploadType=resumable with the
/// video resource, then the file in chunks to the session URI the server answers with. Resuming a saved session needs
/// no body (the server kept the metadata of the first request).</summary>
public sealed class VideoInsertUpload : ResumableUpload<Video, Video>
{
    public const string Parts = "snippet,status";

    public VideoInsertUpload(YouTubeUploadService service, Video? body, Stream content, string contentType = "video/*")
        : base(service, "videos", "POST", content, contentType)
    {
        Body = body!;
    }

    [RequestParameter("part", RequestParameterType.Query)]
    public string Part { get; } = Parts;

    [RequestParameter("notifySubscribers", RequestParameterType.Query)]
    public bool? NotifySubscribers { get; init; }
}
