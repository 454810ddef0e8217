using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ContentMachine.AppHost.Telemetry.Tests;

/// <summary>The console page's sources: every resource's kept output, and a live stream of it.</summary>
public sealed class ConsoleApiTests : IAsyncLifetime
{
    private RunningTelemetry _telemetry = null!;

    public async Task InitializeAsync() => _telemetry = await RunningTelemetry.StartAsync();
    public async Task DisposeAsync() => await _telemetry.DisposeAsync();

    [Fact]
    public async Task The_tail_lists_a_resources_lines_without_terminal_colour_codes()
    {
        _telemetry.Stack.Logs.Write("redis", "\u001b[32mReady to accept connections\u001b[0m");
        _telemetry.Stack.Logs.Write("redis", "oops", isError: true);
        using var client = _telemetry.DashboardClient();

        var sources = await client.GetFromJsonAsync<string[]>("/api/console");
        var tail = await client.GetFromJsonAsync<JsonElement>("/api/console/redis?tail=10");

        sources.Should().Equal(StackContext.AppHostResource, "redis");
        tail.EnumerateArray().Select(l => l.GetProperty("text").GetString()).Should().Equal("Ready to accept connections", "oops");
        tail[1].GetProperty("isError").GetBoolean().Should().BeTrue();
        (await client.GetAsync("/api/console/memcached")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_stream_sends_the_tail_then_each_new_line_once()
    {
        _telemetry.Stack.Logs.Write("redis", "before");
        using var client = _telemetry.DashboardClient();
        using var response = await client.GetAsync("/api/console/redis/stream?tail=5", HttpCompletionOption.ResponseHeadersRead);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        (await NextLineAsync(reader, timeout.Token)).Should().Be("before");
        _telemetry.Stack.Logs.Write("postgres", "not this one");
        _telemetry.Stack.Logs.Write("redis", "after");
        (await NextLineAsync(reader, timeout.Token)).Should().Be("after");
    }

    private static async Task<string> NextLineAsync(StreamReader reader, CancellationToken ct)
    {
        while (await reader.ReadLineAsync(ct) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal))
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.GetProperty("text").GetString()!;
        throw new EndOfStreamException();
    }
}
