using System.Text.Json;
using ContentMachine.AppHost.Telemetry.Model;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Otlp = ContentMachine.AppHost.Telemetry.Otlp;

namespace ContentMachine.AppHost.Telemetry.Ingest;

/// <summary>Turns OTLP's building blocks (values, attributes, ids, times, resources) into the store's records.</summary>
internal static class OtlpValues
{
    public static IReadOnlyList<TelemetryAttribute> Attributes(RepeatedField<Otlp.Common.KeyValue> attributes) =>
        attributes.Count == 0 ? [] : attributes.Select(a => new TelemetryAttribute(a.Key, Render(a.Value))).ToArray();

    public static string Render(Otlp.Common.AnyValue? value) => value?.ValueCase switch
    {
        null or Otlp.Common.AnyValue.ValueOneofCase.None => "",
        Otlp.Common.AnyValue.ValueOneofCase.StringValue => value.StringValue,
        Otlp.Common.AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        Otlp.Common.AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Otlp.Common.AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        Otlp.Common.AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => JsonSerializer.Serialize(ToPlain(value)),
    };

    private static object? ToPlain(Otlp.Common.AnyValue value) => value.ValueCase switch
    {
        Otlp.Common.AnyValue.ValueOneofCase.StringValue => value.StringValue,
        Otlp.Common.AnyValue.ValueOneofCase.BoolValue => value.BoolValue,
        Otlp.Common.AnyValue.ValueOneofCase.IntValue => value.IntValue,
        Otlp.Common.AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue,
        Otlp.Common.AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        Otlp.Common.AnyValue.ValueOneofCase.ArrayValue => value.ArrayValue.Values.Select(ToPlain).ToList(),
        Otlp.Common.AnyValue.ValueOneofCase.KvlistValue => value.KvlistValue.Values.ToDictionary(kv => kv.Key, kv => ToPlain(kv.Value)),
        _ => null,
    };

    public static TelemetryResource Resource(Otlp.Resource.Resource? resource)
    {
        var attributes = resource is null ? [] : Attributes(resource.Attributes);
        string? Find(string key) => attributes.FirstOrDefault(a => a.Key == key).Value is { Length: > 0 } v ? v : null;
        return new TelemetryResource(Find("service.name") ?? TelemetryResource.UnknownService, Find("service.instance.id"), attributes);
    }

    public static string Scope(Otlp.Common.InstrumentationScope? scope) => scope?.Name ?? "";

    /// <summary>Lower-case hex of an id of the expected length; null for an absent (empty or all-zero) id; throws
    /// <see cref="FormatException"/> for any other length.</summary>
    public static string? Id(ByteString id, int length)
    {
        if (id.IsEmpty) return null;
        if (id.Length != length) throw new FormatException($"An id of {id.Length} bytes where {length} were expected.");
        var span = id.Span;
        return span.IndexOfAnyExcept((byte)0) < 0 ? null : Convert.ToHexStringLower(span);
    }

    public static DateTimeOffset Time(ulong unixNanos) => DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanos / 100));
}
