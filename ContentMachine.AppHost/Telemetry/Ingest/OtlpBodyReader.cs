using System.IO.Compression;

namespace ContentMachine.AppHost.Telemetry.Ingest;

/// <summary>Reads an OTLP/HTTP request body: protobuf only, plain or gzip, never more than the configured size once
/// decompressed (a small gzip bomb must not cost the AppHost its memory).</summary>
internal static class OtlpBodyReader
{
    public const string Protobuf = "application/x-protobuf";

    public static async Task<(byte[]? Body, IResult? Failure)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), Protobuf, StringComparison.OrdinalIgnoreCase))
            return (null, TypedResults.Problem($"Send {Protobuf} (OTLP/HTTP JSON is not supported).", statusCode: StatusCodes.Status415UnsupportedMediaType));
        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding is not ("" or "identity" or "gzip"))
            return (null, TypedResults.Problem($"Content-Encoding {encoding} is not supported; use gzip or none.", statusCode: StatusCodes.Status415UnsupportedMediaType));

        try
        {
            // The request's own stream belongs to Kestrel: only the decompressor is disposed here.
            await using var gzip = encoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
            var source = gzip ?? request.Body;
            using var body = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                if (body.Length + read > maxBytes)
                    return (null, TypedResults.Problem($"The request is larger than {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge));
                body.Write(buffer, 0, read);
            }
            return (body.ToArray(), null);
        }
        catch (InvalidDataException)
        {
            return (null, TypedResults.Problem("The body is not valid gzip.", statusCode: StatusCodes.Status400BadRequest));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, TypedResults.Problem(ex.Message, statusCode: ex.StatusCode));
        }
    }
}
