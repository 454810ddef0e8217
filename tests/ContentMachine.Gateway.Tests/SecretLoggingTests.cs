using System.Diagnostics;
using System.Net.Http.Json;
using ContentMachine.Gateway.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentMachine.Gateway.Tests;

/// <summary>Keys never reach a log line or a span, at any level: not the key, not its secret half, not its hash, whether
/// sent as X-Api-Key or Bearer, accepted, refused, created, rate limited or revoked.</summary>
[Collection(RedisCollection.Name)]
public sealed class SecretLoggingTests(RedisFixture redis)
{
    [Fact]
    public async Task Keys_and_their_hashes_are_never_logged_nor_traced()
    {
        await using var services = await FakeServices.StartAsync(pipelineReplicas: 1);
        var adminKey = TestKeys.NewKey();
        var logs = new CapturedLogs(LogLevel.Trace);
        var spans = new ActivityCollector();
        var configuration = TestKeys.Configuration(services, redis.ConnectionString, adminKey,
            ("Logging:LogLevel:Default", "Trace"), ("Gateway:RateLimits:Read:Burst", "2"), ("Gateway:RateLimits:Read:PermitsPerSecond", "0.01"));
        await using var gateway = new SpannedGatewayFactory(configuration, logs, spans);
        using var admin = gateway.CreateKestrelClient(adminKey);

        var created = await (await admin.PostAsJsonAsync("/api/admin/keys", new { name = "logged?", scopes = new[] { "read" } })).Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("details").GetProperty("id").GetString()!;
        var wrongKey = key[..^4] + "0000";
        using (var viaHeader = gateway.Client(apiKey: key))
        using (var viaBearer = gateway.Client(bearer: key))
        using (var wrong = gateway.Client(apiKey: wrongKey))
        {
            (await viaHeader.GetAsync("/api/projects")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await viaBearer.GetAsync("/api/projects")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await viaBearer.GetAsync("/api/projects")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
            (await viaHeader.PostAsync("/api/projects", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await wrong.GetAsync("/api/projects")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await admin.DeleteAsync($"/api/admin/keys/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
            (await viaHeader.GetAsync("/api/projects")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var secrets = new[] { key, key[16..], ApiKeySecret.Hash(key), adminKey, adminKey[16..], ApiKeySecret.Hash(adminKey), wrongKey[16..] };
        var logged = logs.Entries.Select(e => e.Message + " " + string.Join(" ", e.Scope.Select(s => $"{s.Key}={s.Value}"))).ToList();
        var traced = spans.Ended.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName)).ToList();
        logged.Should().Contain(l => l.Contains($"API key {id}"), "key ids are logged, so the capture does see the gateway's logs");
        logged.Should().Contain(l => l.Contains("Request starting"), "the capture sees framework logs too");
        traced.Should().Contain(t => t.Contains(id), "request spans carry the key id");
        foreach (var secret in secrets)
        {
            logged.Should().NotContain(l => l.Contains(secret));
            traced.Should().NotContain(t => t.Contains(secret));
        }
    }

    private sealed class SpannedGatewayFactory(Dictionary<string, string?> configuration, CapturedLogs logs, ActivityCollector spans)
        : GatewayFactory(configuration, logs)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<OpenTelemetry.BaseProcessor<Activity>>(spans));
        }
    }
}
