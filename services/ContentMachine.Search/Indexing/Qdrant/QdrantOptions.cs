using ContentMachine.ServiceDefaults.Configuration;

namespace ContentMachine.Search.Indexing.Qdrant;

/// <summary>The <c>qdrant</c> resource (<c>ConnectionStrings__qdrant</c> = <c>Endpoint=http://host:6333;Key=...</c>) and
/// section <c>Search:Qdrant</c> (the collection's name).</summary>
public sealed class QdrantOptions : IValidatableObject
{
    public const string Section = "Search:Qdrant";
    public const string ConnectionName = "qdrant";

    public Uri? Endpoint { get; set; }
    public string? Key { get; set; }
    public string Collection { get; set; } = "contentmachine-projects";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionName));

    /// <summary>Reads Endpoint and Key from the connection string (keys are case-insensitive).</summary>
    public void ApplyConnectionString(string connectionString)
    {
        var values = ConnectionStrings.ParseKeyValues(connectionString);
        if (values.TryGetValue("Endpoint", out var endpoint) && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)) Endpoint = uri;
        if (values.TryGetValue("Key", out var key) && key.Length > 0) Key = key;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is not { IsAbsoluteUri: true } || Endpoint.Scheme is not ("http" or "https"))
            yield return new ValidationResult("ConnectionStrings:qdrant must carry Endpoint=http(s)://host:port.", [nameof(Endpoint)]);
        if (string.IsNullOrWhiteSpace(Collection) || Collection.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            yield return new ValidationResult($"{Section}:Collection must be letters, digits, '-' or '_'.", [nameof(Collection)]);
    }
}
