namespace ContentMachine.Gateway.Routing;

public sealed class GatewayOptions
{
    public const string Section = "Gateway";
    private const long MiB = 1024 * 1024;

    /// <summary>Largest request body of the JSON routes (everything but storage's uploads and objects).</summary>
    public long MaxRequestBodyBytes { get; set; } = MiB;

    /// <summary>Largest body of <c>/api/storage/uploads</c> (Storage's own MaxUploadBytes).</summary>
    public long MaxUploadBodyBytes { get; set; } = 2048 * MiB;

    /// <summary>Largest body of <c>/api/storage/objects/**</c> (Storage's own MaxObjectBytes).</summary>
    public long MaxObjectBodyBytes { get; set; } = 5120 * MiB;

    /// <summary>How long a JSON request may take, end to end.</summary>
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an upload or download (storage, export packages) may take.</summary>
    public TimeSpan TransferTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the gateway probes each replica's /alive to route around a dead one.</summary>
    public TimeSpan DestinationProbeInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary><c>Gateway:Cors:Origins</c>: browser origins allowed to call the API (none by default).</summary>
    public CorsSettings Cors { get; set; } = new();

    /// <summary>The body limit of a path: storage objects and uploads have their own, everything else the JSON one.</summary>
    public long BodyLimitFor(PathString path) =>
        path.StartsWithSegments("/api/storage/objects") ? MaxObjectBodyBytes
        : path.StartsWithSegments("/api/storage/uploads") ? MaxUploadBodyBytes
        : MaxRequestBodyBytes;

    public long LargestBodyLimit => Math.Max(MaxRequestBodyBytes, Math.Max(MaxUploadBodyBytes, MaxObjectBodyBytes));
}

public sealed class CorsSettings
{
    public List<string> Origins { get; set; } = [];
}
