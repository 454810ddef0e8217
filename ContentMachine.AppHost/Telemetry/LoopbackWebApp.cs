using System.Net;

namespace ContentMachine.AppHost.Telemetry;

/// <summary>A small Kestrel application on 127.0.0.1 inside the AppHost process. It logs nothing to the console (the
/// AppHost owns it) and does not react to Ctrl+C itself: the stack stops it last, after the services.</summary>
internal static class LoopbackWebApp
{
    public static WebApplicationBuilder CreateBuilder(int port, long? maxRequestBodySize = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LoopbackWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, StackOwnedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = maxRequestBodySize;
        });
        return builder;
    }

    private sealed class StackOwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
