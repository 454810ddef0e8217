using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;

namespace ContentMachine.Storage.Objects;

/// <summary>Streams a body of any length to S3 in parts with bounded memory: two part buffers, one filling from the
/// client while the other is sent, so reading and uploading overlap. A failure aborts the upload: S3 keeps nothing.</summary>
public sealed class MultipartUpload(IAmazonS3 s3, string bucket, int partSize)
{
    /// <summary>Uploads <paramref name="content"/> to its end. A body shorter than one part goes up as a single PUT.</summary>
    public async Task UploadAsync(string key, string contentType, Stream content, CancellationToken ct)
    {
        var buffers = new[] { ArrayPool<byte>.Shared.Rent(partSize), ArrayPool<byte>.Shared.Rent(partSize) };
        try
        {
            var filled = await FillAsync(content, buffers[0], ct);
            if (filled < partSize)
            {
                await s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = key,
                    ContentType = contentType,
                    InputStream = new MemoryStream(buffers[0], 0, filled, writable: false),
                }, ct);
                return;
            }
            await UploadPartsAsync(key, contentType, content, buffers, filled, ct);
        }
        finally
        {
            foreach (var buffer in buffers) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task UploadPartsAsync(string key, string contentType, Stream content, byte[][] buffers, int filled, CancellationToken ct)
    {
        var started = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = bucket,
            Key = key,
            ContentType = contentType,
        }, ct);
        Task<UploadPartResponse>? sending = null;
        try
        {
            var parts = new List<PartETag>();
            for (var number = 1; filled > 0; number++)
            {
                var previous = sending;
                sending = SendPart(key, started.UploadId, number, buffers[(number - 1) % 2], filled, ct);
                if (previous is not null) parts.Add(new PartETag(number - 1, (await previous).ETag));
                filled = filled < partSize ? 0 : await FillAsync(content, buffers[number % 2], ct);
            }
            if (sending is not null) parts.Add(new PartETag(parts.Count + 1, (await sending).ETag));
            await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = started.UploadId,
                PartETags = parts,
            }, ct);
        }
        catch
        {
            // The part still being sent reads a pooled buffer: it must finish before the buffers go back.
            if (sending is not null) await sending.ContinueWith(_ => { }, TaskScheduler.Default);
            await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = started.UploadId },
                CancellationToken.None);
            throw;
        }
    }

    private Task<UploadPartResponse> SendPart(string key, string uploadId, int number, byte[] buffer, int length, CancellationToken ct) =>
        s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = number,
            InputStream = new MemoryStream(buffer, 0, length, writable: false),
            PartSize = length,
        }, ct);

    /// <summary>Reads until the buffer holds a whole part or the body ends; returns how much it holds.</summary>
    private async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < partSize && await content.ReadAsync(buffer.AsMemory(filled, partSize - filled), ct) is var read and > 0)
            filled += read;
        return filled;
    }
}
