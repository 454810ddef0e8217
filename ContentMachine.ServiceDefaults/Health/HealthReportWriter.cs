using System.Text.Json;
using ContentMachine.ServiceDefaults.Configuration;

namespace ContentMachine.ServiceDefaults.Health;

/// <summary>/health as JSON: the overall status and every check by name, with its duration and, when it failed, why.</summary>
public static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var identity = context.RequestServices.GetService<ServiceIdentity>();
        var body = new HealthResponse(
            report.Status.ToString(),
            identity?.Name,
            Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            report.Entries.Select(e => new HealthCheckResponse(
                e.Key,
                e.Value.Status.ToString(),
                Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                e.Value.Description is { } d ? SecretRedactor.Redact(d) : null,
                e.Value.Exception is { } ex ? SecretRedactor.Redact(ex.Message) : null,
                e.Value.Data.Count == 0 ? null : e.Value.Data)).ToList());
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted);
    }
}

public sealed record HealthResponse(string Status, string? Service, double TotalDurationMs, IReadOnlyList<HealthCheckResponse> Checks);

public sealed record HealthCheckResponse(
    string Name, string Status, double DurationMs, string? Description, string? Error, IReadOnlyDictionary<string, object>? Data);
