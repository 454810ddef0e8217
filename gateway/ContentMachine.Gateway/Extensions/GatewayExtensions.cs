using ContentMachine.Gateway.Admin;
using ContentMachine.Gateway.Auth;
using ContentMachine.Gateway.Health;
using ContentMachine.Gateway.Limits;
using ContentMachine.Gateway.OpenApi;
using ContentMachine.Gateway.RateLimiting;
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
        // Kestrel's limit is the largest route's; RequestBodyLimitMiddleware lowers it per route.
        builder.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = options.LargestBodyLimit);

        builder.AddGatewayAuth();
        var authEnabled = builder.Configuration.GetValue($"{AuthOptions.Section}:Enabled", true);
        if (authEnabled)
        {
            builder.AddGatewayRateLimits();
            builder.Services.AddApiKeysApi();
        }
        builder.AddGatewayTimeouts(options);
        builder.AddGatewayCors(options);

        var (routes, clusters) = ProxyConfigFactory.Create(new ServiceEndpointResolver(builder.Configuration), options, DownstreamService.All,
            authEnabled ? ScopeRequirement.Policy : null);
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters).AddTransforms(CredentialHeaders.Apply);

        builder.AddDownstreamHealthChecks();
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseServicesSwaggerUi(DownstreamService.All);
        app.UseRouting();
        app.UseCors();
        app.UseGatewayAuth();
        app.UseGatewayRateLimits();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRequestTimeouts();
        app.Use(TimedOutRequests.InvokeAsync);

        app.MapWebApp();
        if (app.Services.GetService<ApiKeyStore>() is not null) app.MapApiKeysApi();
        app.MapReverseProxy();
        return app;
    }

    /// <summary>Health probes must answer fast and honestly: no retries, the check's own timeout bounds them.</summary>
    private static void AddDownstreamHealthChecks(this IHostApplicationBuilder builder)
    {
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
    }
}
