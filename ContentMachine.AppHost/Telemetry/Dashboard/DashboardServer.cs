using System.Text.Json.Serialization;
using ContentMachine.AppHost.Telemetry.Storage;

namespace ContentMachine.AppHost.Telemetry.Dashboard;

/// <summary>The dashboard's web application on the loopback dashboard port, behind the login token.</summary>
internal static class DashboardServer
{
    public static WebApplication Build(TelemetryEndpoints endpoints, TelemetryStore store, IDashboardStack stack)
    {
        var builder = LoopbackWebApp.CreateBuilder(endpoints.DashboardPort, maxRequestBodySize: 64 * 1024);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(stack);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var app = builder.Build();
        app.Use(DashboardPages.AddSecurityHeaders);
        app.Use(new DashboardLogin(endpoints.LoginToken).InvokeAsync);
        app.MapDashboardApi();
        app.MapResourceActionsApi();
        app.MapConsoleApi();
        app.MapMetricViewsApi();
        app.MapDashboardPages();
        return app;
    }
}
