using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentMachine.Gateway.Tests;

/// <summary>The real gateway on Kestrel (a loopback port), configured like the AppHost configures it; optionally with its
/// logs captured and its clock in the test's hands.</summary>
public class GatewayFactory(Dictionary<string, string?> configuration, CapturedLogs? logs = null, TimeProvider? time = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in configuration) builder.UseSetting(key, value);
        if (logs is not null) builder.ConfigureLogging(l => l.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
        if (time is not null) builder.ConfigureTestServices(s => s.AddSingleton(time));
    }

    /// <summary>A client of the gateway on Kestrel, sending <paramref name="apiKey"/> as X-Api-Key when given.</summary>
    public HttpClient CreateKestrelClient(string? apiKey = null)
    {
        UseKestrel(0);
        StartServer();
        var client = CreateClient();
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Another client of the same server (after <see cref="CreateKestrelClient"/>).</summary>
    public HttpClient Client(string? apiKey = null, string? bearer = null)
    {
        var client = CreateClient();
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        return client;
    }
}
