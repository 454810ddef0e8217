using ContentMachine.ServiceDefaults.Health;
using ContentMachine.ServiceDefaults.Http;
using ContentMachine.ServiceDefaults.Logging;
using ContentMachine.ServiceDefaults.OpenApi;
using ContentMachine.ServiceDefaults.Telemetry;
using ContentMachine.ServiceDefaults.Web;

namespace Microsoft.Extensions.Hosting;

/// <summary>Aspire's two calls: <c>builder.AddServiceDefaults()</c> and <c>app.MapDefaultEndpoints()</c>.</summary>
public static class ServiceDefaultsExtensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.ConfigureJsonConsoleLogging();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddHttpClientDefaults();
        builder.AddWebDefaults();
        builder.AddOpenApiDefaults();
        return builder;
    }

    /// <summary>ProblemDetails for every error; /health (every check, 503 when one fails), /alive (the process only),
    /// /openapi/v1.json. Call it first after Build.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseProblemDetailsDefaults();
        app.MapHealthEndpoints();
        app.MapOpenApi();
        return app;
    }
}
