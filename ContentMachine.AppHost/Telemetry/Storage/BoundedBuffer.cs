namespace ContentMachine.AppHost.Telemetry.Storage;

/// <summary>A fixed-capacity ring: adding to a full buffer overwrites the oldest item (O(1), no allocation), so memory is
/// bounded by the capacity however much arrives. Thread-safe; readers get a copy and never block writers for long.</summary>
public sealed class BoundedBuffer<T>(int capacity) where T : class
{
    private readonly T?[] _items = capacity > 0 ? new T?[capacity] : throw new ArgumentOutOfRangeException(nameof(capacity));
    private readonly Lock _gate = new();
    private int _next;
    private int _count;
    private long _evicted;

    public int Capacity => _items.Length;

    public int Count
    {
        get { lock (_gate) return _count; }
    }

    /// <summary>How many items were overwritten since the start.</summary>
    public long Evicted
    {
        get { lock (_gate) return _evicted; }
    }

    public void Add(T item)
    {
        lock (_gate) AddLocked(item);
    }

    public void AddRange(IEnumerable<T> items)
    {
        lock (_gate)
            foreach (var item in items) AddLocked(item);
    }

    /// <summary>A copy, newest first.</summary>
    public T[] NewestFirst()
    {
        lock (_gate)
        {
            var copy = new T[_count];
            for (var i = 0; i < _count; i++)
                copy[i] = _items[(_next - 1 - i + _items.Length) % _items.Length]!;
            return copy;
        }
    }

    private void AddLocked(T item)
    {
        if (_count == _items.Length) _evicted++;
        else _count++;
        _items[_next] = item;
        _next = (_next + 1) % _items.Length;
    }
}
