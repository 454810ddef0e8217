namespace ContentMachine.Search.Model;

/// <summary>What is stored with each vector (in Qdrant's payload or the embedded index) and returned with a match, so a
/// result can be shown and filtered without reading searchdb.</summary>
public sealed record SearchPayload(
    Guid ProjectId,
    string Title,
    string Topic,
    string Archetype,
    string Status,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Platforms)
{
    /// <summary>The topic as filters compare it (trimmed, lowercase), identical in both index backends.</summary>
    public string TopicKey => NormalizeTopic(Topic);

    public static string NormalizeTopic(string topic) => topic.Trim().ToLowerInvariant();
}
