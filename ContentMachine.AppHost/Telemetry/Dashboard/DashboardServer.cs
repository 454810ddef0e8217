using System.Text.Json.Serialization;
using ContentMachine.AppHost.Telemetry.Storage;

namespace ContentMachine.AppHost.Telemetry.Dashboard;

/// <summary>The dashboard's web application on the loopback dashboard port, behind the login token.</summary>
internal static class DashboardServer
{
    public static WebApplication Build(TelemetryEndpoints endpoints, TelemetryStore store, StackResources resources)
    {
        var builder = LoopbackWebApp.CreateBuilder(endpoints.DashboardPort, maxRequestBodySize: 64 * 1024);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(resources);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var app = builder.Build();
        app.Use(new DashboardLogin(endpoints.LoginToken).InvokeAsync);
        app.MapDashboardApi();
        // Until the dashboard's pages exist, its root lists what it serves.
        app.MapGet("/", () => TypedResults.Ok(new DashboardIndex(["/api/resources", "/api/traces", "/api/traces/{traceId}", "/api/logs", "/api/metrics"])))
            .WithName("DashboardIndex");
        return app;
    }
}

public sealed record DashboardIndex(IReadOnlyList<string> Api);
