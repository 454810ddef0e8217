using System.Globalization;

namespace ContentMachine.Cli.Output;

/// <summary>How sizes, durations, times and statuses read on the console.</summary>
public static class Formats
{
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
    };

    public static string Duration(TimeSpan duration) => duration.TotalSeconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.0} s")
        : $"{(int)duration.TotalMinutes} min {duration.Seconds} s";

    public static string Seconds(double seconds) => Duration(TimeSpan.FromSeconds(seconds));

    public static string Time(DateTimeOffset? at) => at?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>A status in its colour (escaped for markup).</summary>
    public static string Status(string status) => status switch
    {
        "rendered" or "published" or "completed" => $"[green]{status}[/]",
        "failed" => $"[red]{status}[/]",
        "cancelled" => $"[grey]{status}[/]",
        "running" or "publishing" or "queued" => $"[blue]{status}[/]",
        _ => $"[yellow]{Markup.Escape(status)}[/]",
    };
}
