using System.Net.Sockets;
using ContentMachine.AppHost.Hosting;
using ContentMachine.AppHost.Processes;

namespace ContentMachine.AppHost.Resources;

/// <summary>Erlang's port mapper for the RabbitMQ node, on a private port and in the foreground, so that it is the
/// AppHost's child (left to itself, Erlang would start a daemon that outlives everything).</summary>
public sealed class EpmdResource(int port) : StackResource("epmd", "Erlang port mapper")
{
    public int Port { get; } = port;

    public override IEnumerable<Prerequisite> Prerequisites(StackContext context) =>
        [Prerequisite.AptPackage("Erlang port mapper (epmd)", "epmd", "rabbitmq-server")];

    public override IReadOnlyList<string> Endpoints(int replica) => [$"tcp://127.0.0.1:{Port}"];

    public override ProcessSpec CreateProcess(StackContext context, int replica) =>
        new(Executable.Find("epmd") ?? "epmd", ["-address", "127.0.0.1", "-port", Port.ToString()])
        {
            Environment = new Dictionary<string, string?> { ["ERL_EPMD_ADDRESS"] = "127.0.0.1", ["ERL_EPMD_PORT"] = Port.ToString() },
        };

    /// <summary>Ready when epmd answers a NAMES request (length 1, 'n'): its reply starts with its own port.</summary>
    public override Task WaitUntilReadyAsync(StackContext context, int replica, CancellationToken ct) =>
        PollAsync(async token =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, token);
            var stream = client.GetStream();
            await stream.WriteAsync(new byte[] { 0, 1, (byte)'n' }, token);
            var reply = new byte[4];
            await stream.ReadExactlyAsync(reply, token);
            return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(reply) == Port;
        }, ct, intervalMs: 50);
}
