namespace ContentMachine.Gateway.Tests;

/// <summary>Gateway:Auth:Enabled=false, for benchmarks: no key needed, nothing counted, and only ever on loopback.</summary>
public sealed class AuthDisabledTests
{
    [Fact]
    public async Task Without_auth_the_api_is_open_and_uncounted_on_loopback()
    {
        await using var services = await FakeServices.StartAsync(pipelineReplicas: 1);
        var configuration = services.Configuration();
        configuration["Gateway:Auth:Enabled"] = "false";
        await using var gateway = new GatewayFactory(configuration);
        using var client = gateway.CreateKestrelClient();

        var response = await client.PostAsync("/api/projects", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains("RateLimit-Remaining").Should().BeFalse();
        (await client.GetAsync("/api/admin/keys")).StatusCode.Should().Be(HttpStatusCode.NotFound, "there are no keys to manage");
    }

    [Fact]
    public async Task Without_auth_the_gateway_refuses_to_listen_beyond_loopback()
    {
        await using var services = await FakeServices.StartAsync(pipelineReplicas: 1);
        var configuration = services.Configuration();
        configuration["Gateway:Auth:Enabled"] = "false";
        configuration["urls"] = "http://0.0.0.0:0";
        await using var gateway = new GatewayFactory(configuration);

        var start = () => gateway.CreateKestrelClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*loopback*0.0.0.0*");
    }
}
