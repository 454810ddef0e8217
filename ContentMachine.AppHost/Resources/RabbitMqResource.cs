using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using ContentMachine.AppHost.Hosting;
using ContentMachine.AppHost.Processes;

namespace ContentMachine.AppHost.Resources;

/// <summary>A single RabbitMQ 3.10 node with the management plugin, run from Debian's package with its own HOME,
/// Erlang cookie, node name, configuration and data, on private ports; loopback only. The node is started through
/// rabbitmq-server's foreground wrapper, which turns SIGTERM into a clean broker shutdown.</summary>
public sealed class RabbitMqResource(int amqpPort, int managementPort, int distributionPort, EpmdResource epmd)
    : StackResource("rabbitmq", "RabbitMQ"), IConnectionStringResource
{
    public const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    public const string UserName = "contentmachine";

    public int AmqpPort { get; } = amqpPort;
    public int ManagementPort { get; } = managementPort;
    public string ConnectionName => "messaging";
    public StackResource Owner => this;

    public override IEnumerable<Prerequisite> Prerequisites(StackContext context) =>
        [Prerequisite.AptPackage("RabbitMQ server", Server, "rabbitmq-server")];

    public override IReadOnlyList<string> Endpoints(int replica) =>
        [$"amqp://127.0.0.1:{AmqpPort}", $"http://127.0.0.1:{ManagementPort}"];

    internal static string Password(StackContext context) => context.Secrets.Get("rabbitmq-password");

    public string GetConnectionString(StackContext context) => $"amqp://{UserName}:{Password(context)}@127.0.0.1:{AmqpPort}/";

    private static string Dir(StackContext context, string sub = "") => Path.Combine(context.State.For("rabbitmq"), sub);

    public override async Task PrepareAsync(StackContext context, CancellationToken ct)
    {
        foreach (var sub in (string[])["home", "mnesia", "log"]) Directory.CreateDirectory(Dir(context, sub));
        var cookie = Path.Combine(Dir(context, "home"), ".erlang.cookie");
        if (!File.Exists(cookie))
        {
            await File.WriteAllTextAsync(cookie, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)), ct);
            File.SetUnixFileMode(cookie, UnixFileMode.UserRead); // Erlang refuses a cookie others can read
        }
        var config = new StringBuilder()
            .AppendLine($"listeners.tcp.default = 127.0.0.1:{AmqpPort}")
            .AppendLine("management.tcp.ip = 127.0.0.1")
            .AppendLine($"management.tcp.port = {ManagementPort}")
            .AppendLine("loopback_users = none")
            .AppendLine($"default_user = {UserName}")
            .AppendLine($"default_pass = {Password(context)}")
            .AppendLine("log.console = true")
            .AppendLine("log.console.level = warning")
            .AppendLine("log.file = false");
        var configPath = Dir(context, "rabbitmq.conf");
        await File.WriteAllTextAsync(configPath, config.ToString(), ct);
        File.SetUnixFileMode(configPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(Dir(context, "enabled_plugins"), "[rabbitmq_management].", ct);
        await File.WriteAllTextAsync(Dir(context, "rabbitmq-env.conf"), "", ct); // keeps /etc/rabbitmq/rabbitmq-env.conf out
    }

    public override ProcessSpec CreateProcess(StackContext context, int replica) =>
        new(Server, [])
        {
            Environment = new Dictionary<string, string?>
            {
                ["HOME"] = Dir(context, "home"),
                ["ERL_EPMD_PORT"] = epmd.Port.ToString(),
                ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_NODENAME"] = "contentmachine@localhost",
                ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(),
                ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(),
                ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
                ["RABBITMQ_CONFIG_FILE"] = Dir(context, "rabbitmq.conf"),
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Dir(context, "enabled_plugins"),
                ["RABBITMQ_MNESIA_BASE"] = Dir(context, "mnesia"),
                ["RABBITMQ_LOG_BASE"] = Dir(context, "log"),
                ["RABBITMQ_PID_FILE"] = Dir(context, "rabbit.pid"),
                ["RABBITMQ_CONF_ENV_FILE"] = Dir(context, "rabbitmq-env.conf"),
                ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Dir(context, "advanced.config"),
            },
            StopTimeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>Ready when the management API answers for our user and the AMQP listener accepts connections.</summary>
    public override Task WaitUntilReadyAsync(StackContext context, int replica, CancellationToken ct) =>
        PollAsync(async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{ManagementPort}/api/overview");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Password(context)}")));
            using var response = await context.ProbeClient.SendAsync(request, token);
            if (!response.IsSuccessStatusCode) return false;
            using var amqp = new TcpClient();
            await amqp.ConnectAsync("127.0.0.1", AmqpPort, token);
            return true;
        }, ct, intervalMs: 250);
}
