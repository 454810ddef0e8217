using System.Diagnostics;
using System.Net.Http.Headers;
using ContentMachine.AppHost.Hosting;
using ContentMachine.AppHost.Telemetry;
using ContentMachine.AppHost.Telemetry.Ingest;
using ContentMachine.AppHost.Telemetry.Otlp.Collector.Trace;
using ContentMachine.AppHost.Telemetry.Otlp.Common;
using ContentMachine.AppHost.Telemetry.Otlp.Resource;
using ContentMachine.AppHost.Telemetry.Otlp.Trace;
using ContentMachine.AppHost.Telemetry.Storage;
using Google.Protobuf;

namespace ContentMachine.Bench;

/// <summary>Spans per second the AppHost's OTLP receiver takes in and stores: batches of 512 spans (the .NET exporter's
/// batch size) posted over HTTP by several exporters at once, against the same batches decoded and stored in process
/// (no HTTP) as the baseline, rounds interleaved.</summary>
internal static class OtlpIngestBenchmark
{
    private const int SpansPerBatch = 512;

    public static async Task<int> RunAsync(int batches, int senders, int rounds)
    {
        var bodies = Enumerable.Range(0, 64).Select(i => Batch(i).ToByteArray()).ToArray();
        Console.WriteLine($"{batches} batches of {SpansPerBatch} spans ({bodies.Average(b => b.Length) / 1024:F0} KiB each) per round, "
            + $"{senders} concurrent senders over HTTP, {rounds} rounds, interleaved");

        var endpoints = TelemetryEndpoints.Create(PortAllocator.FreePort(), PortAllocator.FreePort());
        var limits = new TelemetryLimits();
        await using var host = new TelemetryHost(endpoints, limits, new IdleStack());
        await host.StartAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = endpoints.OtlpEndpoint };
        http.DefaultRequestHeaders.Add(TelemetryEndpoints.ApiKeyHeader, endpoints.OtlpApiKey);

        var inProcess = new List<double>();
        var overHttp = new List<double>();
        await PostAsync(http, bodies, 64, senders); // warm-up: JIT, connections
        InProcess(bodies, 64, senders, new TelemetryStore(limits));
        for (var round = 1; round <= rounds; round++)
        {
            var store = new TelemetryStore(limits);
            inProcess.Add(InProcess(bodies, batches, senders, store));
            var before = host.Store.SpanCount + host.Store.EvictedSpans;
            var rate = await PostAsync(http, bodies, batches, senders);
            var stored = host.Store.SpanCount + host.Store.EvictedSpans - before;
            if (stored != (long)batches * SpansPerBatch) throw new InvalidOperationException($"stored {stored} of {batches * SpansPerBatch} spans");
            overHttp.Add(rate);
            Console.WriteLine($"round {round}  in process {inProcess[^1],10:N0} spans/s   over HTTP {overHttp[^1],10:N0} spans/s");
        }

        var baseline = Stats.Median(inProcess);
        var received = Stats.Median(overHttp);
        Console.WriteLine();
        Console.WriteLine($"in process (decode + map + store)  median {baseline,10:N0} spans/s");
        Console.WriteLine($"over HTTP (receiver, API key, ...)  median {received,10:N0} spans/s");
        Console.WriteLine($"ratio HTTP/in process: {received / baseline:F2}; window after the run: {host.Store.SpanCount:N0} spans kept, "
            + $"{host.Store.EvictedSpans:N0} evicted, managed heap {GC.GetTotalMemory(true) / 1024.0 / 1024:F0} MiB (these spans carry 8 attributes each)");
        return 0;
    }

    /// <summary>As many workers as HTTP senders, so the two differ only by the transport.</summary>
    private static double InProcess(byte[][] bodies, int batches, int workers, TelemetryStore store)
    {
        var clock = Stopwatch.StartNew();
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
        {
            var (spans, _) = SpanMapper.Map(ExportTraceServiceRequest.Parser.ParseFrom(bodies[i % bodies.Length]));
            store.AddSpans(spans);
        });
        return batches * SpansPerBatch / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> PostAsync(HttpClient http, byte[][] bodies, int batches, int senders)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var i && i < batches)
            {
                using var content = new ByteArrayContent(bodies[i % bodies.Length]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
                using var response = await http.PostAsync("/v1/traces", content);
                response.EnsureSuccessStatusCode();
            }
        })));
        return batches * SpansPerBatch / clock.Elapsed.TotalSeconds;
    }

    /// <summary>A batch as a service sends it: one resource, spans of a few traces with parents, 8 attributes each.</summary>
    private static ExportTraceServiceRequest Batch(int seed)
    {
        var random = new Random(seed);
        var service = new[] { "gateway", "projects", "pipeline", "storage", "search" }[seed % 5];
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "Microsoft.AspNetCore" } };
        var start = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        byte[] traceId = [], parent = [];
        for (var i = 0; i < SpansPerBatch; i++)
        {
            if (i % 16 == 0) (traceId, parent) = (Bytes(random, 16), []);
            var spanId = Bytes(random, 8);
            var span = new Span
            {
                TraceId = ByteString.CopyFrom(traceId), SpanId = ByteString.CopyFrom(spanId), ParentSpanId = ByteString.CopyFrom(parent),
                Name = $"GET /api/projects/{{id}} {i % 7}", Kind = Span.Types.SpanKind.Server,
                StartTimeUnixNano = start + (ulong)i * 1000, EndTimeUnixNano = start + (ulong)i * 1000 + (ulong)random.Next(100_000, 50_000_000),
            };
            span.Attributes.Add(Attribute("http.request.method", "GET"));
            span.Attributes.Add(Attribute("http.route", "/api/projects/{id}"));
            span.Attributes.Add(Attribute("url.path", $"/api/projects/{Guid.NewGuid()}"));
            span.Attributes.Add(Attribute("url.scheme", "http"));
            span.Attributes.Add(Attribute("server.address", "127.0.0.1"));
            span.Attributes.Add(Attribute("network.protocol.version", "1.1"));
            span.Attributes.Add(Attribute("project.id", Guid.NewGuid().ToString()));
            span.Attributes.Add(new KeyValue { Key = "http.response.status_code", Value = new AnyValue { IntValue = 200 } });
            scope.Spans.Add(span);
            parent = spanId;
        }
        var resource = new ResourceSpans { Resource = new Resource() };
        resource.Resource.Attributes.Add(Attribute("service.name", service));
        resource.Resource.Attributes.Add(Attribute("service.instance.id", $"{service}-0"));
        resource.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resource);
        return request;
    }

    private static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
