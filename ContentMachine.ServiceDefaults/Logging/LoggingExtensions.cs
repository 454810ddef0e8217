namespace ContentMachine.ServiceDefaults.Logging;

public static class LoggingExtensions
{
    /// <summary>Console logs as one JSON object per line (UTC timestamps, scopes included); with the activity tracking
    /// that telemetry enables, every line logged inside a request or a message carries its TraceId and SpanId.</summary>
    public static IHostApplicationBuilder ConfigureJsonConsoleLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
        return builder;
    }
}
