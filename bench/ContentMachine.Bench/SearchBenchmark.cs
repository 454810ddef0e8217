extern alias search;
using System.Diagnostics;
using search::ContentMachine.Search.Embeddings;
using search::ContentMachine.Search.Indexing.Embedded;
using search::ContentMachine.Search.Model;

namespace ContentMachine.Bench;

/// <summary>The embedded search index in process: query latency (p50/p99, top 10) over 10k and 100k random unit vectors
/// of 384 dimensions against a naive scalar brute force (score everything in a plain loop, sort all) in the same run, and
/// indexing throughput (hashing embedder + index upsert) on synthetic scripts. Persistence to searchdb is not included.</summary>
internal static class SearchBenchmark
{
    private const int Dimensions = HashingEmbeddingGenerator.DefaultDimensions;

    public static Task<int> RunAsync(int queries, int documents)
    {
        Console.WriteLine($"search: {Environment.ProcessorCount} cores, Vector<float> is {System.Numerics.Vector<float>.Count} wide, hardware accelerated: {System.Numerics.Vector.IsHardwareAccelerated}");
        foreach (var size in (int[])[10_000, 100_000]) QueryLatency(size, queries);
        IndexingThroughput(documents);
        return Task.FromResult(0);
    }

    private static void QueryLatency(int size, int queries)
    {
        var random = new Random(size);
        var set = new ExactVectorSet(Dimensions);
        var vectors = new float[size][];
        var ids = new Guid[size];
        var payload = new SearchPayload(Guid.Empty, "title", "topic", "listicle", SearchStatus.Scripted, DateTimeOffset.UnixEpoch, []);
        for (var i = 0; i < size; i++)
        {
            vectors[i] = VectorMath.Normalized(RandomVector(random));
            ids[i] = Guid.NewGuid();
            set.Upsert(ids[i], vectors[i], payload);
        }
        var queryVectors = Enumerable.Range(0, queries + 10).Select(_ => RandomVector(random)).ToArray();

        var index = Measure(queryVectors, q => set.Query(q, SearchFilter.None, 10).Count);
        var naive = Measure(queryVectors, q => NaiveTop10(vectors, q).Length);
        var same = queryVectors.Take(20).All(q =>
            set.Query(q, SearchFilter.None, 10).Select(m => m.Id).SequenceEqual(NaiveTop10(vectors, q).Select(i => ids[i])));

        Console.WriteLine($"search query top-10, {size:N0} vectors x {Dimensions}d, {queries} queries:");
        Console.WriteLine($"  embedded index (SIMD dot + bounded heap): p50 {index.P50:F3} ms  p99 {index.P99:F3} ms");
        Console.WriteLine($"  naive scalar brute force (loop + full sort): p50 {naive.P50:F3} ms  p99 {naive.P99:F3} ms");
        Console.WriteLine($"  speed-up p50 {naive.P50 / index.P50:F1}x  p99 {naive.P99 / index.P99:F1}x; same top 10 on 20 queries: {same}");
    }

    private static (double P50, double P99) Measure(float[][] queries, Func<float[], int> query)
    {
        foreach (var q in queries.Take(10)) query(q); // warm-up (tiered JIT)
        var times = new List<double>();
        foreach (var q in queries.Skip(10))
        {
            var started = Stopwatch.GetTimestamp();
            query(q);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        times.Sort();
        return (Percentile(times, 0.50), Percentile(times, 0.99));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The baseline: cosine of every vector in a scalar loop, all scores sorted, the first ten.</summary>
    private static int[] NaiveTop10(float[][] vectors, float[] query)
    {
        var q = VectorMath.Normalized(query);
        var scores = new float[vectors.Length];
        var order = new int[vectors.Length];
        for (var i = 0; i < vectors.Length; i++)
        {
            var dot = 0f;
            var v = vectors[i];
            for (var d = 0; d < v.Length; d++) dot += v[d] * q[d];
            scores[i] = -dot;
            order[i] = i;
        }
        Array.Sort(scores, order);
        return order[..10];
    }

    private static void IndexingThroughput(int documents)
    {
        var random = new Random(1);
        string[] vocabulary = ["octopus", "hearts", "ocean", "deep", "light", "black", "hole", "bread", "sourdough", "fastest", "animals",
            "cheetah", "sleep", "myths", "roman", "empire", "volcano", "planet", "history", "science", "why", "how", "the", "of", "and",
            "three", "five", "ten", "facts", "about", "secret", "world", "records", "energy", "money", "tips", "brain", "memory", "space"];
        var texts = Enumerable.Range(0, documents).Select(_ =>
            string.Join(' ', Enumerable.Range(0, 120).Select(_ => vocabulary[random.Next(vocabulary.Length)]))).ToArray();
        var embedder = new HashingEmbeddingGenerator();
        var set = new ExactVectorSet(Dimensions);
        var payload = new SearchPayload(Guid.Empty, "title", "topic", "listicle", SearchStatus.Scripted, DateTimeOffset.UnixEpoch, []);
        foreach (var text in texts.Take(200)) embedder.Embed(text); // warm-up

        var started = Stopwatch.StartNew();
        foreach (var text in texts) set.Upsert(Guid.NewGuid(), embedder.Embed(text), payload);
        var elapsed = started.Elapsed.TotalSeconds;

        Console.WriteLine($"search indexing (hashing embedder + embedded index, in memory): {documents:N0} scripts of 120 words in {elapsed:F2} s = {documents / elapsed:N0} documents/s");
    }

    private static float[] RandomVector(Random random)
    {
        var v = new float[Dimensions];
        for (var i = 0; i < v.Length; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        return v;
    }
}
