using Microsoft.Net.Http.Headers;

namespace ContentMachine.Storage.Objects;

/// <summary>What a request's Range header asks of an object of a given size (RFC 9110 §14): the whole object, one
/// satisfiable range, or nothing it can have (416). Several ranges at once are answered with the whole object, which
/// the RFC allows and which no video player needs otherwise.</summary>
public readonly record struct RangeRequest(ByteSpan? Span, bool Unsatisfiable)
{
    public static readonly RangeRequest Whole = new(null, false);

    public static RangeRequest Parse(string? header, long size)
    {
        if (string.IsNullOrWhiteSpace(header) || !RangeHeaderValue.TryParse(header, out var parsed)
            || !string.Equals(parsed.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase) || parsed.Ranges.Count != 1)
            return Whole;
        var range = parsed.Ranges.Single();
        if (range.From is { } from)
        {
            if (from >= size) return new(null, true);
            var to = range.To is { } end && end < size ? end : size - 1;
            return new(new ByteSpan(from, to), false);
        }
        if (range.To is { } suffix && suffix > 0 && size > 0)
            return new(new ByteSpan(Math.Max(0, size - suffix), size - 1), false);
        return new(null, true);
    }
}
