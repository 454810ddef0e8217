namespace ContentMachine.Pipeline.Media.Rendering;

/// <summary>ffmpeg parses a filter option value twice: once as part of the filter graph, once as the filter's own
/// "key=value:key=value" list. A path is escaped for both levels, inner first (ffmpeg-filters "Notes on filtergraph escaping").</summary>
public static class FilterEscaping
{
    public static string OptionValue(string value)
    {
        var level1 = Escape(value, "\\':");
        return Escape(level1, "\\'[],;");
    }

    private static string Escape(string value, string special)
    {
        var builder = new System.Text.StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (special.Contains(c)) builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }
}
