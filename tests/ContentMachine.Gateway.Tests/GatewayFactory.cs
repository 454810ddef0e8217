using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContentMachine.Gateway.Tests;

/// <summary>The real gateway on Kestrel (a loopback port), configured like the AppHost configures it.</summary>
public sealed class GatewayFactory(Dictionary<string, string?> configuration) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in configuration) builder.UseSetting(key, value);
    }

    public HttpClient CreateKestrelClient()
    {
        UseKestrel(0);
        StartServer();
        return CreateClient();
    }
}
