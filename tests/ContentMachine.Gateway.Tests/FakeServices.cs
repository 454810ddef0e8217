using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContentMachine.Gateway.Tests;

/// <summary>One in-process HTTP server per service replica, answering what the gateway needs: /health, /alive,
/// /openapi/v1.json, and an echo of any request under its API prefix.</summary>
public sealed class FakeServices : IAsyncDisposable
{
    private readonly List<(string Service, TestBackend Backend)> _replicas = [];

    public static readonly string[] Names = ["projects", "pipeline", "storage", "search", "publishing"];

    public static async Task<FakeServices> StartAsync(int pipelineReplicas = 2)
    {
        var services = new FakeServices();
        foreach (var name in Names)
            for (var i = 0; i < (name == "pipeline" ? pipelineReplicas : 1); i++)
            {
                var replica = $"{name}-{i}";
                services._replicas.Add((name, await TestBackend.StartAsync(app => Map(app, name, replica))));
            }
        return services;
    }

    /// <summary>Configuration as the AppHost gives it to the gateway: <c>services:{name}:http:{i}</c>.</summary>
    public Dictionary<string, string?> Configuration() =>
        _replicas.GroupBy(r => r.Service)
            .SelectMany(g => g.Select((r, i) => new KeyValuePair<string, string?>($"services:{g.Key}:http:{i}", r.Backend.Url.AbsoluteUri)))
            .ToDictionary();

    private static void Map(WebApplication app, string service, string replica)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "Healthy" }));
        app.MapGet("/alive", () => Results.Ok(new { status = "Healthy" }));
        app.MapGet("/openapi/v1.json", () => Results.Json(new { openapi = "3.1.1", info = new { title = service } }));
        // Answers only when the caller gives up: for the gateway's timeouts.
        app.MapGet($"/api/{service}/hang", async (HttpContext c) =>
        {
            await Task.Delay(Timeout.Infinite, c.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Ok();
        });
        app.Map($"/api/{service}/{{**rest}}", async (HttpRequest r) =>
        {
            long received = 0;
            var buffer = new byte[81920];
            int read;
            while ((read = await r.Body.ReadAsync(buffer)) > 0) received += read;
            return Results.Ok(new Echo(service, replica, r.Path, r.Method, received,
                r.Headers["X-Forwarded-For"].ToString(), r.Headers["X-Forwarded-Host"].ToString(), r.Headers["X-Forwarded-Proto"].ToString(),
                r.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, backend) in _replicas) await backend.DisposeAsync();
    }
}

public sealed record Echo(
    string Service, string Replica, string Path, string Method, long BytesReceived, string ForwardedFor, string ForwardedHost, string ForwardedProto,
    Dictionary<string, string> Headers);
