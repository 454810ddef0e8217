using Google.Apis.Services;

namespace ContentMachine.Publishing.YouTube;

/// <summary>The YouTube Data API's upload endpoint as a Google.Apis client service (Google.Apis.YouTube.v3 is not
/// available here). The base URI is configurable so that tests point it at a fake; it must end with '/'.</summary>
public sealed class YouTubeUploadService(BaseClientService.Initializer initializer) : BaseClientService(initializer)
{
    public const string DefaultBaseUri = "https://www.googleapis.com/upload/youtube/v3/";

    public override string Name => "youtube";
    public override string BaseUri => GetEffectiveUri(BaseUriOverride, DefaultBaseUri);
    public override string BasePath => "upload/youtube/v3/";
    public override IList<string> Features => [];
}
