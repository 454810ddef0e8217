using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using ContentMachine.AppHost.Telemetry.Otlp.Collector.Trace;
using Google.Protobuf;
using Otlp = ContentMachine.AppHost.Telemetry.Otlp;

namespace ContentMachine.AppHost.Telemetry.Tests;

/// <summary>The receiver's contract at the HTTP level: the API key, the body checks, gzip, partial success.</summary>
public sealed class ReceiverTests : IAsyncLifetime
{
    private RunningTelemetry _telemetry = null!;

    public async Task InitializeAsync() => _telemetry = await RunningTelemetry.StartAsync();
    public async Task DisposeAsync() => await _telemetry.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    public async Task A_request_without_the_right_api_key_gets_401_and_stores_nothing(string? key)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_telemetry.Endpoints.OtlpEndpoint, "/v1/traces"))
        {
            Content = Protobuf(OneSpan("0102030405060708090a0b0c0d0e0f10").ToByteArray()),
        };
        if (key is not null) request.Headers.Add(TelemetryEndpoints.ApiKeyHeader, key);

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        _telemetry.Store.SpanCount.Should().Be(0);
    }

    [Theory]
    [InlineData("/v1/traces")]
    [InlineData("/v1/logs")]
    [InlineData("/v1/metrics")]
    public async Task Garbage_gets_400(string path)
    {
        using var client = _telemetry.OtlpClient();

        using var response = await client.PostAsync(path, Protobuf("this is not protobuf"u8.ToArray()));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_that_claims_gzip_but_is_not_gets_400()
    {
        using var client = _telemetry.OtlpClient();
        var content = Protobuf(OneSpan("0102030405060708090a0b0c0d0e0f10").ToByteArray());
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/v1/traces", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Json_gets_415()
    {
        using var client = _telemetry.OtlpClient();

        using var response = await client.PostAsync("/v1/traces", new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_gzip_body_is_accepted_and_answered_with_an_empty_protobuf_response()
    {
        using var client = _telemetry.OtlpClient();
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            OneSpan("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").WriteTo(gzip);
        var content = Protobuf(compressed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/v1/traces", content);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-protobuf");
        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        answer.PartialSuccess.Should().BeNull();
        _telemetry.Store.Trace("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").Should().ContainSingle().Which.Name.Should().Be("work");
    }

    [Fact]
    public async Task Spans_with_malformed_ids_are_counted_as_rejected_and_the_others_kept()
    {
        using var client = _telemetry.OtlpClient();
        var request = OneSpan("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        request.ResourceSpans[0].ScopeSpans[0].Spans.Add(new Otlp.Trace.Span
        {
            TraceId = ByteString.CopyFrom(1, 2, 3), SpanId = ByteString.CopyFrom(new byte[8]), Name = "broken",
        });

        using var response = await client.PostAsync("/v1/traces", Protobuf(request.ToByteArray()));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        answer.PartialSuccess.RejectedSpans.Should().Be(1);
        _telemetry.Store.SpanCount.Should().Be(1);
    }

    internal static ExportTraceServiceRequest OneSpan(string traceIdHex, int spans = 1)
    {
        var scope = new Otlp.Trace.ScopeSpans { Scope = new Otlp.Common.InstrumentationScope { Name = "tests" } };
        var start = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        for (var i = 0; i < spans; i++)
            scope.Spans.Add(new Otlp.Trace.Span
            {
                TraceId = ByteString.CopyFrom(Convert.FromHexString(traceIdHex)),
                SpanId = ByteString.CopyFrom(BitConverter.GetBytes((long)i + 1)),
                Name = "work",
                StartTimeUnixNano = start,
                EndTimeUnixNano = start + 1_000_000,
            });
        var resource = new Otlp.Resource.Resource();
        resource.Attributes.Add(new Otlp.Common.KeyValue { Key = "service.name", Value = new Otlp.Common.AnyValue { StringValue = "raw" } });
        var resourceSpans = new Otlp.Trace.ResourceSpans { Resource = resource };
        resourceSpans.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resourceSpans);
        return request;
    }

    internal static ByteArrayContent Protobuf(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return content;
    }
}
