namespace ContentMachine.AppHost.Telemetry.Model;

/// <summary>The OTLP severity bands (1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal) under the
/// names of .NET's log levels, which is what the services log with.</summary>
public enum LogSeverity { Unspecified, Trace, Debug, Information, Warning, Error, Critical }

public static class LogSeverities
{
    public static LogSeverity FromNumber(int severityNumber) => severityNumber switch
    {
        >= 1 and <= 24 => (LogSeverity)((severityNumber - 1) / 4 + 1),
        _ => LogSeverity.Unspecified,
    };
}
