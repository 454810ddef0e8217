namespace ContentMachine.ServiceDefaults.Data;

/// <summary>A stable 64-bit key for a PostgreSQL advisory lock, from a name (FNV-1a; string.GetHashCode differs per process).</summary>
public static class AdvisoryLockKey
{
    public static long For(string name)
    {
        var hash = 1469598103934665603UL;
        foreach (var c in name) hash = (hash ^ c) * 1099511628211UL;
        return (long)hash;
    }
}
