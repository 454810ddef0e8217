using System.Security.Cryptography;

namespace ContentMachine.Cli.Output;

/// <summary>Streams a response body to <c>file.part</c> (with a byte progress bar on a terminal), checks the length
/// against Content-Length and the expected size, and the sha256 when known, then moves it into place. A download
/// that does not verify leaves nothing behind.</summary>
public static class FileDownloader
{
    private const int BufferBytes = 81920;

    public sealed record Result(string Path, long Bytes, bool Sha256Verified);

    public static async Task<Result> DownloadAsync(CliHost host, ApiClient api, DownloadTarget target, string file, CancellationToken ct)
    {
        using var response = await api.OpenAsync(target.Path, "*/*", ct);
        var announced = response.Content.Headers.ContentLength;
        if (announced is { } length && target.ExpectedBytes is { } expected && length != expected)
            throw new CliException($"The {target.What} is {length} bytes on the wire but the project records {expected}; not saved.");
        var total = announced ?? target.ExpectedBytes;
        var partial = file + ".part";
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long written;
            await using (var body = await response.Content.ReadAsStreamAsync(ct))
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true))
            {
                written = host.IsTerminal
                    ? await host.Console.Progress().AutoClear(true)
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                        .StartAsync(context =>
                        {
                            var task = context.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: total ?? 1);
                            task.IsIndeterminate = total is null;
                            return CopyAsync(body, output, hash, n => task.Increment(n), ct);
                        })
                    : await CopyAsync(body, output, hash, _ => { }, ct);
            }
            var size = announced ?? target.ExpectedBytes;
            if (size is { } want && written != want)
                throw new CliException($"The {target.What} download stopped at {written} of {want} bytes; not saved. Try again.");
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (target.ExpectedSha256 is { } expectedSha && !string.Equals(sha, expectedSha, StringComparison.OrdinalIgnoreCase))
                throw new CliException($"The {target.What} does not match its recorded sha256 ({sha} instead of {expectedSha}); not saved.");
            File.Move(partial, file, overwrite: true);
            return new Result(file, written, target.ExpectedSha256 is not null);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    private static async Task<long> CopyAsync(Stream body, Stream output, IncrementalHash hash, Action<long> progressed, CancellationToken ct)
    {
        var buffer = new byte[BufferBytes];
        long written = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
            hash.AppendData(buffer, 0, read);
            written += read;
            progressed(read);
        }
        return written;
    }
}
