using System.Net;
using System.Net.Sockets;

namespace ContentMachine.AppHost.Hosting;

/// <summary>Turns the configured ports into concrete ones: 0 becomes a free loopback port (asked of the kernel), and a
/// fixed port is checked to be free so that a clash is reported by name before anything starts.</summary>
public sealed class PortAllocator
{
    private readonly HashSet<int> _taken = [];
    private readonly List<string> _busy = [];

    public int Allocate(string owner, int configured)
    {
        if (configured == 0)
        {
            int port;
            do port = FreePort(); while (!_taken.Add(port));
            return port;
        }
        if (!_taken.Add(configured)) throw new ArgumentException($"Port {configured} is configured twice (second time for {owner}).");
        if (!IsFree(configured)) _busy.Add($"{owner} port {configured}");
        return configured;
    }

    /// <summary>Fixed ports that something else already listens on.</summary>
    public IReadOnlyList<string> Busy => _busy;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
