using System.Data.Common;

namespace ContentMachine.ServiceDefaults.Configuration;

/// <summary>Reads connection strings by resource name (ARCHITECTURE.md: ConnectionStrings__projectsdb, __messaging, ...).</summary>
public static class ConnectionStrings
{
    public static string Require(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Connection string '{name}' is missing: set ConnectionStrings__{name} (the AppHost injects it).");

    /// <summary>Parses the <c>Key=Value;Key=Value</c> form used by the objects and qdrant resources (keys are case-insensitive).</summary>
    public static IReadOnlyDictionary<string, string> ParseKeyValues(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string key in builder.Keys)
            values[key] = Convert.ToString(builder[key]) ?? "";
        return values;
    }
}
