namespace ContentMachine.Projects.Model;

/// <summary>A client's Idempotency-Key for a create: the same key with the same body answers with the same project.</summary>
public sealed class IdempotencyKey
{
    public const int MaxLength = 200;

    public string Key { get; private set; } = "";
    public string RequestHash { get; private set; } = "";
    public Guid ProjectId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static IdempotencyKey For(string key, string requestHash, Guid projectId, DateTimeOffset now) =>
        new() { Key = key, RequestHash = requestHash, ProjectId = projectId, CreatedAt = now };
}
