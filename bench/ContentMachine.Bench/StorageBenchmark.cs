using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using ContentMachine.AppHost.Hosting;
using ContentMachine.ServiceDefaults.ObjectStorage;

namespace ContentMachine.Bench;

/// <summary>The same file uploaded and downloaded through the Storage service (which streams it to S3 in parts and
/// hashes it on the way) and directly against the S3 server with the AWS SDK's own parallel multipart transfer, in one
/// run, rounds interleaved. The ratio is what the service's streaming, hashing and metadata cost.</summary>
internal static class StorageBenchmark
{
    private const int MiB = 1024 * 1024;

    public static async Task<int> RunAsync(int megabytes, int rounds)
    {
        var state = BenchStacks.NewStateFolder("storage");
        var file = Path.Combine(Path.GetTempPath(), $"contentmachine-bench-{Guid.NewGuid():N}.bin");
        try
        {
            await using var stack = new DistributedStack(BenchStacks.Options(state) with { Only = ["storage"] });
            await stack.StartAsync();
            await WriteRandomFileAsync(file, megabytes);
            using var service = new HttpClient { BaseAddress = stack.ServiceUrl("storage"), Timeout = TimeSpan.FromMinutes(10) };
            var settings = ObjectStoreSettings.Parse(stack.ConnectionString("objects"));
            using var s3 = ObjectStorageExtensions.CreateClient(settings);
            using var transfer = new TransferUtility(s3);

            var ways = new (string Name, Func<string, Task> Upload, Func<string, Task> Download)[]
            {
                ("service", key => UploadThroughServiceAsync(service, key, file), key => DrainAsync(service.GetStreamAsync($"/api/storage/objects/{key}"))),
                ("direct", key => transfer.UploadAsync(file, settings.Bucket, key),
                    async key => { using var o = await s3.GetObjectAsync(settings.Bucket, key); await DrainAsync(Task.FromResult(o.ResponseStream)); }),
            };
            Console.WriteLine($"{megabytes} MiB file, {rounds} rounds each way, interleaved (plus one warm-up)");
            var results = ways.ToDictionary(w => w.Name, _ => (Up: new List<double>(), Down: new List<double>()));
            for (var round = 0; round <= rounds; round++)
                foreach (var (name, upload, download) in ways)
                {
                    var key = $"bench/{name}/{Guid.NewGuid()}.bin";
                    var up = await TimeAsync(() => upload(key));
                    var down = await TimeAsync(() => download(key));
                    if (round == 0) continue;
                    results[name].Up.Add(megabytes / up.TotalSeconds);
                    results[name].Down.Add(megabytes / down.TotalSeconds);
                    Console.WriteLine($"round {round} {name,-8} upload {megabytes / up.TotalSeconds,7:F1} MiB/s  download {megabytes / down.TotalSeconds,7:F1} MiB/s");
                }

            var (serviceUp, serviceDown) = (Stats.Median(results["service"].Up), Stats.Median(results["service"].Down));
            var (directUp, directDown) = (Stats.Median(results["direct"].Up), Stats.Median(results["direct"].Down));
            Console.WriteLine();
            Console.WriteLine($"service  median upload {serviceUp,7:F1} MiB/s  download {serviceDown,7:F1} MiB/s");
            Console.WriteLine($"direct   median upload {directUp,7:F1} MiB/s  download {directDown,7:F1} MiB/s");
            Console.WriteLine($"ratio service/direct: upload {serviceUp / directUp:F2}, download {serviceDown / directDown:F2}");
            return 0;
        }
        finally
        {
            File.Delete(file);
            BenchStacks.Delete(state);
        }
    }

    private static async Task UploadThroughServiceAsync(HttpClient service, string key, string file)
    {
        await using var stream = File.OpenRead(file);
        using var content = new StreamContent(stream, MiB);
        (await service.PutAsync($"/api/storage/objects/{key}", content)).EnsureSuccessStatusCode();
    }

    private static async Task DrainAsync(Task<Stream> opening)
    {
        await using var stream = await opening;
        await stream.CopyToAsync(Stream.Null, MiB);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    private static async Task WriteRandomFileAsync(string path, int megabytes)
    {
        var random = new Random(1);
        var buffer = new byte[MiB];
        await using var file = File.Create(path);
        for (var i = 0; i < megabytes; i++)
        {
            random.NextBytes(buffer);
            await file.WriteAsync(buffer);
        }
    }
}
