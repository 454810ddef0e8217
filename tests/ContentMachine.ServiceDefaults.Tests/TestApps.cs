using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContentMachine.ServiceDefaults.Tests;

/// <summary>A real service process in miniature: a WebApplication with the service defaults on a free loopback port.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app)
    {
        App = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }
    public HttpClient Client { get; }

    public static async Task<TestApp> StartAsync(
        Dictionary<string, string?>? configuration = null,
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? map = null,
        string environment = "Development")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ApplicationName = "ContentMachine.Tests" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(configuration ?? []);
        builder.AddServiceDefaults();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        map?.Invoke(app);
        await app.StartAsync();
        return new TestApp(app);
    }

    /// <summary>Server spans of this app only: ActivitySource listeners are process-wide, so spans of other apps in
    /// the same test process (backends, concurrently running test classes) reach every collector.</summary>
    public IReadOnlyList<Activity> ServerSpans(ActivityCollector spans) =>
        spans.Ended.Where(a => a.Kind == ActivityKind.Server && Equals(a.GetTagItem("server.port"), Client.BaseAddress!.Port)).ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
