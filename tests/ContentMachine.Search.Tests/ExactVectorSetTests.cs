using ContentMachine.Search.Indexing.Embedded;

namespace ContentMachine.Search.Tests;

public class ExactVectorSetTests
{
    private const int Dimensions = 384;

    /// <summary>What the index must return: every point scored by a plain loop in double precision, best first, ties by id.</summary>
    private static List<(Guid Id, double Score)> BruteForce(Dictionary<Guid, (float[] Vector, SearchPayload Payload)> points, float[] query, SearchFilter filter, int k) =>
        points.Where(p => filter.Matches(p.Key, p.Value.Payload))
            .Select(p => (p.Key, Score: Cosine(query, p.Value.Vector)))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Key).Take(k).ToList();

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return dot / Math.Sqrt(na * nb);
    }

    private static void ShouldEqualBruteForce(ExactVectorSet set, Dictionary<Guid, (float[] Vector, SearchPayload Payload)> points, Random random, SearchFilter filter, int queries = 25)
    {
        for (var q = 0; q < queries; q++)
        {
            var query = RandomVectors.Next(random, Dimensions);
            var expected = BruteForce(points, query, filter, 10);

            var actual = set.Query(query, filter, 10);

            actual.Select(m => m.Id).Should().Equal(expected.Select(e => e.Id), $"query {q} must rank like brute force");
            actual.Select(m => (double)m.Score).Should().Equal(expected.Select(e => e.Score), (a, e) => Math.Abs(a - e) < 1e-4);
            actual.Should().OnlyContain(m => ReferenceEquals(m.Payload, points[m.Id].Payload));
        }
    }

    [Fact]
    public void Top_10_equals_brute_force_on_random_vectors()
    {
        var random = new Random(42);
        var set = new ExactVectorSet(Dimensions);
        var points = new Dictionary<Guid, (float[], SearchPayload)>();
        for (var i = 0; i < 3000; i++)
        {
            var id = RandomVectors.NextId(random);
            var vector = RandomVectors.Next(random, Dimensions);
            var payload = RandomVectors.Payload(id);
            points[id] = (vector, payload);
            set.Upsert(id, vector, payload);
        }

        set.Count.Should().Be(3000);
        ShouldEqualBruteForce(set, points, random, SearchFilter.None);
    }

    [Fact]
    public void Top_10_still_equals_brute_force_after_deletes_and_upserts()
    {
        var random = new Random(7);
        var set = new ExactVectorSet(Dimensions);
        var points = new Dictionary<Guid, (float[] Vector, SearchPayload Payload)>();
        void Put(Guid id)
        {
            var vector = RandomVectors.Next(random, Dimensions);
            var payload = RandomVectors.Payload(id, random.Next(2) == 0 ? SearchStatus.Scripted : SearchStatus.Rendered);
            points[id] = (vector, payload);
            set.Upsert(id, vector, payload);
        }
        for (var i = 0; i < 2000; i++) Put(RandomVectors.NextId(random));

        var ids = points.Keys.ToList();
        foreach (var id in ids.OrderBy(_ => random.Next()).Take(700))
        {
            set.Remove(id).Should().BeTrue();
            points.Remove(id);
        }
        foreach (var id in points.Keys.OrderBy(_ => random.Next()).Take(400).ToList()) Put(id); // replaced vectors
        for (var i = 0; i < 300; i++) Put(RandomVectors.NextId(random)); // new points fill the holes' places

        set.Count.Should().Be(points.Count);
        set.Remove(Guid.NewGuid()).Should().BeFalse();
        ShouldEqualBruteForce(set, points, random, SearchFilter.None);
        ShouldEqualBruteForce(set, points, random, new SearchFilter(Status: SearchStatus.Rendered), queries: 10);
    }

    [Fact]
    public void Filters_threshold_and_exclusion_apply_before_the_top_k()
    {
        var set = new ExactVectorSet(3);
        Guid a = Guid.Parse("00000000-0000-0000-0000-00000000000a"), b = Guid.Parse("00000000-0000-0000-0000-00000000000b"),
            c = Guid.Parse("00000000-0000-0000-0000-00000000000c");
        set.Upsert(a, [1, 0, 0], RandomVectors.Payload(a, SearchStatus.Rendered, "Octopus"));
        set.Upsert(b, [0.9f, 0.1f, 0], RandomVectors.Payload(b, SearchStatus.Scripted, "octopus "));
        set.Upsert(c, [0, 0, 5], RandomVectors.Payload(c, SearchStatus.Rendered, "bread"));

        set.Query([2, 0, 0], SearchFilter.None, 10).Select(m => m.Id).Should().Equal(a, b, c);
        set.Query([2, 0, 0], SearchFilter.None, 10)[0].Score.Should().BeApproximately(1f, 1e-6f, "scores are cosines");
        set.Query([1, 0, 0], new SearchFilter(Topic: "OCTOPUS"), 10).Select(m => m.Id).Should().Equal(a, b);
        set.Query([1, 0, 0], new SearchFilter(Status: SearchStatus.Rendered), 1).Select(m => m.Id).Should().Equal(a);
        set.Query([1, 0, 0], new SearchFilter(ExcludeProjectId: a), 10).Select(m => m.Id).Should().Equal(b, c);
        set.Query([1, 0, 0], SearchFilter.None, 10, scoreThreshold: 0.5f).Select(m => m.Id).Should().Equal(a, b);
        set.Find(new SearchFilter(Status: SearchStatus.Rendered)).Should().BeEquivalentTo([a, c]);
        set.Invoking(s => s.Upsert(a, [1, 0], RandomVectors.Payload(a))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Concurrent_queries_and_writes_never_see_a_torn_index()
    {
        var set = new ExactVectorSet(64);
        var random = new Random(3);
        var stable = Enumerable.Range(0, 200).Select(_ => RandomVectors.NextId(random)).ToList();
        foreach (var id in stable) set.Upsert(id, RandomVectors.Next(random, 64), RandomVectors.Payload(id));
        var readersDone = new CancellationTokenSource();
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writes = 0;

        // The writer runs for as long as the readers query (a fixed number of queries each), so they always overlap.
        var writer = Task.Run(() =>
        {
            var r = new Random(5);
            while (!readersDone.IsCancellationRequested)
            {
                var id = RandomVectors.NextId(r);
                set.Upsert(id, RandomVectors.Next(r, 64), RandomVectors.Payload(id, SearchStatus.Rendered));
                set.Remove(id);
                Interlocked.Increment(ref writes);
                writing.TrySetResult();
                Thread.Yield();
            }
        });
        var readers = Enumerable.Range(0, 2).Select(n => Task.Run(async () =>
        {
            await writing.Task;
            var r = new Random(n);
            for (var q = 0; q < 300; q++)
            {
                var matches = set.Query(RandomVectors.Next(r, 64), new SearchFilter(Status: SearchStatus.Scripted), 10);
                matches.Should().HaveCount(10).And.OnlyContain(m => m.Payload.ProjectId == m.Id && m.Payload.Status == SearchStatus.Scripted);
                matches.Select(m => m.Score).Should().BeInDescendingOrder();
            }
        })).ToList();

        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(60));
        readersDone.Cancel();
        await writer;

        Volatile.Read(ref writes).Should().BeGreaterThan(0);
        set.Count.Should().Be(200);
    }
}
