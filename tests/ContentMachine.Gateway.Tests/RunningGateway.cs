namespace ContentMachine.Gateway.Tests;

/// <summary>Fake services and the real gateway in front of them, on Redis, with an admin key and a client that sends it.</summary>
public sealed class RunningGateway : IAsyncDisposable
{
    private RunningGateway(FakeServices services, GatewayFactory factory, string adminKey)
    {
        Services = services;
        Factory = factory;
        AdminKey = adminKey;
        Admin = factory.CreateKestrelClient(adminKey);
    }

    public FakeServices Services { get; }
    public GatewayFactory Factory { get; }
    public string AdminKey { get; }

    /// <summary>A client sending the admin key.</summary>
    public HttpClient Admin { get; }

    /// <param name="configure">Adds to the configuration (more keys, limits) before the gateway starts.</param>
    public static async Task<RunningGateway> StartAsync(
        RedisFixture redis, Action<Dictionary<string, string?>>? configure = null, TimeProvider? time = null, int pipelineReplicas = 1)
    {
        var services = await FakeServices.StartAsync(pipelineReplicas);
        var adminKey = TestKeys.NewKey();
        var configuration = TestKeys.Configuration(services, redis.ConnectionString, adminKey);
        configure?.Invoke(configuration);
        return new RunningGateway(services, new GatewayFactory(configuration, time: time), adminKey);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
        await Services.DisposeAsync();
    }
}
