using ContentMachine.Gateway.Health;
using ContentMachine.Gateway.OpenApi;
using ContentMachine.Gateway.WebApp;
using ContentMachine.ServiceDefaults.Health;
using ContentMachine.ServiceDefaults.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ContentMachine.Gateway.Extensions;

public static class GatewayExtensions
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section);
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        var (routes, clusters) = ProxyConfigFactory.Create(new ServiceEndpointResolver(builder.Configuration), options, DownstreamService.All);
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);

        // Health probes must answer fast and honestly: no retries, the check's own timeout bounds them.
        builder.Services.AddHttpClient(DownstreamHealthCheck.HttpClientName);
        builder.Services.Configure<HttpResilienceOptions>(DownstreamHealthCheck.HttpClientName, o =>
        {
            o.MaxRetryAttempts = 0;
            o.CircuitBreakerEnabled = false;
            o.TotalTimeout = o.AttemptTimeout = HealthCheckExtensions.CheckTimeout;
        });
        var checks = builder.Services.AddHealthChecks();
        foreach (var service in DownstreamService.All)
            checks.AddDependencyCheck(service.Name, sp => ActivatorUtilities.CreateInstance<DownstreamHealthCheck>(sp, service));
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseServicesSwaggerUi(DownstreamService.All);
        app.MapWebApp();
        app.MapReverseProxy();
        return app;
    }
}
