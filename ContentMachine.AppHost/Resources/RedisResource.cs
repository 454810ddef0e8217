using System.Net.Sockets;
using System.Text;
using ContentMachine.AppHost.Hosting;
using ContentMachine.AppHost.Processes;

namespace ContentMachine.AppHost.Resources;

/// <summary>Redis with a generated password. The password is in a mode-600 configuration file, not on the command
/// line, where any local user could read it.</summary>
public sealed class RedisResource(int port) : StackResource("redis", "Redis"), IConnectionStringResource
{
    public int Port { get; } = port;
    public string ConnectionName => "redis";
    public StackResource Owner => this;

    public override IEnumerable<Prerequisite> Prerequisites(StackContext context) =>
        [Prerequisite.AptPackage("Redis server", "redis-server", "redis-server")];

    public override IReadOnlyList<string> Endpoints(int replica) => [$"tcp://127.0.0.1:{Port}"];

    private static string Password(StackContext context) => context.Secrets.Get("redis-password");

    public string GetConnectionString(StackContext context) => $"127.0.0.1:{Port},password={Password(context)}";

    private static string ConfigPath(StackContext context) => Path.Combine(context.State.For("redis"), "redis.conf");

    public override async Task PrepareAsync(StackContext context, CancellationToken ct)
    {
        var dir = context.State.For("redis");
        Directory.CreateDirectory(dir);
        var config = new StringBuilder()
            .AppendLine($"port {Port}")
            .AppendLine("bind 127.0.0.1")
            .AppendLine("protected-mode yes")
            .AppendLine($"dir \"{dir}\"")
            .AppendLine("daemonize no")
            .AppendLine("logfile \"\"")
            .AppendLine("save \"\"")
            .AppendLine($"appendonly {(context.Options.Durable ? "yes" : "no")}")
            .AppendLine($"requirepass {Password(context)}");
        var path = ConfigPath(context);
        await File.WriteAllTextAsync(path, config.ToString(), ct);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public override ProcessSpec CreateProcess(StackContext context, int replica) =>
        new(Executable.Find("redis-server") ?? "redis-server", [ConfigPath(context)]);

    public override Task WaitUntilReadyAsync(StackContext context, int replica, CancellationToken ct) =>
        PollAsync(async token =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {Password(context)}\r\nPING\r\n"), token);
            var buffer = new byte[64];
            var reply = "";
            while (!reply.Contains("PONG") && !reply.Contains("-ERR") && !reply.Contains("-LOADING"))
            {
                var read = await stream.ReadAsync(buffer, token);
                if (read == 0) break;
                reply += Encoding.ASCII.GetString(buffer, 0, read);
            }
            return reply.StartsWith("+OK") && reply.Contains("+PONG");
        }, ct);
}
