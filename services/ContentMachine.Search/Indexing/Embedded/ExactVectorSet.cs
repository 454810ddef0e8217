using ContentMachine.Search.Embeddings;

namespace ContentMachine.Search.Indexing.Embedded;

/// <summary>An exact in-memory nearest-neighbour index: unit vectors packed in one array, scored with SIMD dot products,
/// the best k kept in a bounded min-heap (O(n log k)). Readers share a lock; writers (upserts, deletes) take it alone.
/// Deleting swaps the last point into the hole, so the array stays dense.</summary>
public sealed class ExactVectorSet(int dimensions)
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<Guid, int> _slots = [];
    private float[] _vectors = new float[dimensions * 64];
    private Guid[] _ids = new Guid[64];
    private SearchPayload[] _payloads = new SearchPayload[64];
    private int _count;

    public int Dimensions { get; } = dimensions;

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Adds or replaces a point; the vector is stored normalised (so scores are cosines).</summary>
    public void Upsert(Guid id, ReadOnlySpan<float> vector, SearchPayload payload)
    {
        if (vector.Length != Dimensions)
            throw new ArgumentException($"The index holds {Dimensions}-dimensional vectors; this one has {vector.Length}.", nameof(vector));
        var normalized = VectorMath.Normalized(vector);
        _lock.EnterWriteLock();
        try
        {
            if (!_slots.TryGetValue(id, out var slot))
            {
                EnsureCapacity(_count + 1);
                slot = _count++;
                _slots[id] = slot;
                _ids[slot] = id;
            }
            normalized.CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
            _payloads[slot] = payload;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool Remove(Guid id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_slots.Remove(id, out var slot)) return false;
            var last = --_count;
            if (slot != last)
            {
                _vectors.AsSpan(last * Dimensions, Dimensions).CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
                _ids[slot] = _ids[last];
                _payloads[slot] = _payloads[last];
                _slots[_ids[slot]] = slot;
            }
            _payloads[last] = null!;
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The ids of the points the filter matches (for a delete by filter).</summary>
    public IReadOnlyList<Guid> Find(SearchFilter filter)
    {
        _lock.EnterReadLock();
        try
        {
            var ids = new List<Guid>();
            for (var i = 0; i < _count; i++)
                if (filter.Matches(_ids[i], _payloads[i])) ids.Add(_ids[i]);
            return ids;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The <paramref name="limit"/> points most similar to <paramref name="query"/> that pass the filter and score
    /// at least <paramref name="scoreThreshold"/>, best first (ties by id, so the order is stable).</summary>
    public IReadOnlyList<VectorMatch> Query(ReadOnlySpan<float> query, SearchFilter filter, int limit, float? scoreThreshold = null)
    {
        if (query.Length != Dimensions)
            throw new ArgumentException($"The index holds {Dimensions}-dimensional vectors; the query has {query.Length}.", nameof(query));
        if (limit <= 0) return [];
        var normalized = VectorMath.Normalized(query);
        var threshold = scoreThreshold ?? float.NegativeInfinity;
        var checkFilter = !filter.IsEmpty;
        _lock.EnterReadLock();
        try
        {
            var heap = new PriorityQueue<int, (float Score, Guid Id)>(Math.Min(limit, _count) + 1, WorstFirst.Instance);
            var vectors = _vectors.AsSpan();
            for (var i = 0; i < _count; i++)
            {
                if (checkFilter && !filter.Matches(_ids[i], _payloads[i])) continue;
                var score = VectorMath.Dot(normalized, vectors.Slice(i * Dimensions, Dimensions));
                if (score < threshold) continue;
                if (heap.Count < limit) heap.Enqueue(i, (score, _ids[i]));
                else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((score, _ids[i]), worst) > 0)
                    heap.EnqueueDequeue(i, (score, _ids[i]));
            }
            var matches = new VectorMatch[heap.Count];
            for (var k = matches.Length - 1; k >= 0; k--)
            {
                heap.TryDequeue(out var slot, out var key);
                matches[k] = new VectorMatch(_ids[slot], key.Score, _payloads[slot]);
            }
            return matches;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _ids.Length) return;
        var capacity = Math.Max(needed, _ids.Length * 2);
        Array.Resize(ref _vectors, capacity * Dimensions);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _payloads, capacity);
    }

    /// <summary>Orders the heap so that its root is the worst kept match: the lowest score, then the highest id.</summary>
    private sealed class WorstFirst : IComparer<(float Score, Guid Id)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((float Score, Guid Id) x, (float Score, Guid Id) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Id.CompareTo(x.Id);
        }
    }
}
