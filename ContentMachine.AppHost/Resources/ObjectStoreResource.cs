using ContentMachine.AppHost.Hosting;
using ContentMachine.AppHost.Processes;

namespace ContentMachine.AppHost.Resources;

/// <summary>The S3-compatible store (s3rver, pinned in s3rver/package.json and installed inside the repository) with the
/// stack's bucket. In production any S3-compatible server takes its place through the same connection string.</summary>
public sealed class ObjectStoreResource(int port, string bucket) : StackResource("objects", "S3 (s3rver)"), IConnectionStringResource
{
    public int Port { get; } = port;
    public string Bucket { get; } = bucket;
    public string ConnectionName => "objects";
    public StackResource Owner => this;

    public override IEnumerable<Prerequisite> Prerequisites(StackContext context) =>
    [
        Prerequisite.AptPackage("Node.js", "node", "nodejs npm"),
        new("s3rver (npm package in the repository)",
            () => File.Exists(Path.Combine(context.Layout.S3rverDirectory, "node_modules", "@20minutes", "s3rver", "package.json")),
            $"npm ci --prefix {Path.GetRelativePath(Environment.CurrentDirectory, context.Layout.S3rverDirectory)}"),
    ];

    public override IReadOnlyList<string> Endpoints(int replica) => [$"http://127.0.0.1:{Port}"];

    /// <summary>s3rver's credentials are fixed by s3rver itself.</summary>
    public string GetConnectionString(StackContext context) =>
        $"Endpoint=http://127.0.0.1:{Port};AccessKey=S3RVER;SecretKey=S3RVER;Region=us-east-1;Bucket={Bucket}";

    public override ProcessSpec CreateProcess(StackContext context, int replica) =>
        // s3rver makes ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17+) only has in its legacy
        // provider: without it, any listing longer than one page answers 500.
        new(Executable.Find("node") ?? "node",
            ["--openssl-legacy-provider", Path.Combine(context.Layout.S3rverDirectory, "server.js"), "--port", Port.ToString(), "--directory", context.State.For("objects"), "--bucket", Bucket])
        {
            WorkingDirectory = context.Layout.S3rverDirectory,
        };

    /// <summary>Ready when the bucket answers a listing.</summary>
    public override Task WaitUntilReadyAsync(StackContext context, int replica, CancellationToken ct) =>
        PollAsync(async token =>
        {
            using var response = await context.ProbeClient.GetAsync($"http://127.0.0.1:{Port}/{Bucket}?list-type=2&max-keys=1", token);
            return response.IsSuccessStatusCode;
        }, ct);
}
