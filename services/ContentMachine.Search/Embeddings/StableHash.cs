namespace ContentMachine.Search.Embeddings;

/// <summary>64-bit FNV-1a over UTF-16 code units: the same value in every process and on every machine (unlike
/// string.GetHashCode, which is randomised per process), so stored vectors stay comparable across restarts.</summary>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Fnv1a(char kind, ReadOnlySpan<char> first, ReadOnlySpan<char> second = default)
    {
        var hash = Mix(Offset, kind);
        foreach (var c in first) hash = Mix(hash, c);
        if (!second.IsEmpty)
        {
            hash = Mix(hash, ' ');
            foreach (var c in second) hash = Mix(hash, c);
        }
        // FNV's low bits are weak for short inputs: a final avalanche (from MurmurHash3's fmix64) spreads them.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }

    private static ulong Mix(ulong hash, char c)
    {
        hash = (hash ^ (byte)c) * Prime;
        return (hash ^ (byte)(c >> 8)) * Prime;
    }
}
