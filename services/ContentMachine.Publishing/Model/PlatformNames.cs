using ContentMachine.Publishing.Options;

namespace ContentMachine.Publishing.Model;

public static class PlatformNames
{
    public static bool TryParse(string? name, out Platform platform) =>
        Enum.TryParse(name, ignoreCase: true, out platform) && Enum.IsDefined(platform) && !int.TryParse(name, out _);

    /// <summary>TikTok and Instagram are exported by default (their APIs need business approval); YouTube is uploaded
    /// unless configured as an export platform too.</summary>
    public static PublishMode ModeOf(Platform platform, PublishingOptions options) =>
        options.ExportPlatforms.Contains(platform.ToString(), StringComparer.OrdinalIgnoreCase) ? PublishMode.Export : PublishMode.Upload;
}
