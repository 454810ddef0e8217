namespace ContentMachine.Gateway.Tests;

/// <summary>The real gateway on Kestrel in front of one fake replica per service, shared by a test class.</summary>
public sealed class GatewayWithFakeServices : IAsyncLifetime
{
    private FakeServices? _services;
    private GatewayFactory? _gateway;

    public HttpClient Client { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _services = await FakeServices.StartAsync(pipelineReplicas: 1);
        _gateway = new GatewayFactory(_services.Configuration());
        Client = _gateway.CreateKestrelClient();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Client?.Dispose();
        if (_gateway is not null) await _gateway.DisposeAsync();
        if (_services is not null) await _services.DisposeAsync();
    }
}
