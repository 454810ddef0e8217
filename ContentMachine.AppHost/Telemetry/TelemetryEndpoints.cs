using System.Security.Cryptography;
using System.Text;

namespace ContentMachine.AppHost.Telemetry;

/// <summary>Where the AppHost receives telemetry and serves its dashboard, with the two secrets of this run: the API key
/// every OTLP request must carry (the AppHost hands it to the services it starts) and the dashboard's login token.
/// Both are new at every start, so nothing from an earlier run can post or read.</summary>
public sealed record TelemetryEndpoints(int OtlpPort, string OtlpApiKey, int DashboardPort, string LoginToken)
{
    public const string ApiKeyHeader = "x-otlp-api-key";

    public Uri OtlpEndpoint => new($"http://127.0.0.1:{OtlpPort}");
    public Uri DashboardUrl => new($"http://127.0.0.1:{DashboardPort}/");

    /// <summary>The URL to open: it logs the browser in (a cookie) and drops the token from the address bar.</summary>
    public Uri LoginUrl => new(DashboardUrl, $"?t={LoginToken}");

    /// <summary>The value of OTEL_EXPORTER_OTLP_HEADERS for the services.</summary>
    public string OtlpHeaders => $"{ApiKeyHeader}={OtlpApiKey}";

    public static TelemetryEndpoints Create(int otlpPort, int dashboardPort) =>
        new(otlpPort, NewSecret(), dashboardPort, NewSecret());

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Compares a presented secret with the expected one in constant time.</summary>
    public static bool Matches(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
