using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace ContentMachine.ServiceDefaults.Health;

public static class HealthCheckExtensions
{
    /// <summary>Tag of checks that /alive runs: the process only, never a dependency.</summary>
    public const string LiveTag = "live";

    /// <summary>How long one dependency check may take before it counts as unhealthy (a dead port must not hang /health).</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public static IHostApplicationBuilder AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthTransitionLogger>();
        builder.Services.Configure<HealthCheckPublisherOptions>(o =>
        {
            o.Delay = TimeSpan.FromSeconds(10); // past start-up, when the broker connection may still be opening
            o.Period = TimeSpan.FromSeconds(10);
        });
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.None);
        return builder;
    }

    /// <summary>Registers a dependency check under the resource's name (projectsdb, messaging, redis, objects, ...).</summary>
    public static IHealthChecksBuilder AddDependencyCheck(this IHealthChecksBuilder checks, string name, Func<IServiceProvider, IHealthCheck> factory,
        HealthStatus failureStatus = HealthStatus.Unhealthy) =>
        checks.Add(new HealthCheckRegistration(name, factory, failureStatus, ["ready"], CheckTimeout));

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = HealthReportWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).DisableHttpMetrics().ExcludeFromDescription();
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).DisableHttpMetrics().ExcludeFromDescription();
        return app;
    }
}
