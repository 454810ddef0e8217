using System.Text;

namespace ContentMachine.Pipeline.Media.Script;

/// <summary>FNV-1a over UTF-8: the same value in every process and runtime version, unlike string.GetHashCode, so a
/// topic's script, palette and seed survive restarts and replicas.</summary>
public static class StableHash
{
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return hash;
    }

    /// <summary>Case and surrounding spaces do not make a different topic.</summary>
    public static int OfTopic(string topic) => (int)(Of(topic.Trim().ToLowerInvariant()) & 0x7FFFFFFF);
}
