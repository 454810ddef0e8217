using System.Net.Sockets;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ContentMachine.Search.Tests;

public class CachingEmbeddingGeneratorTests
{
    [Fact]
    public async Task A_redis_that_is_down_only_costs_the_cache_and_is_reported_once_as_a_warning()
    {
        var logs = new CapturedLogs();
        var options = ConfigurationOptions.Parse($"127.0.0.1:{ClosedPort()}");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 200;
        using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var inner = new HashingEmbeddingGenerator();
        using var cached = new CachingEmbeddingGenerator(inner, redis, Options.Create(new EmbeddingOptions()), TimeProvider.System,
            new LoggerFactory([logs]).CreateLogger<CachingEmbeddingGenerator>());

        var first = await cached.GenerateAsync(["octopus hearts", "sourdough"]);
        var second = await cached.GenerateAsync(["octopus hearts"]);

        first.Select(e => e.Vector.ToArray()).Should().BeEquivalentTo([inner.Embed("octopus hearts"), inner.Embed("sourdough")], o => o.WithStrictOrdering());
        second[0].Vector.ToArray().Should().Equal(inner.Embed("octopus hearts"));
        logs.Entries.Where(e => e.Level == LogLevel.Warning).Should().ContainSingle("warnings are limited to one per interval")
            .Which.Message.Should().Contain("without the cache");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
