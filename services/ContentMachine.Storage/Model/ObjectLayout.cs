namespace ContentMachine.Storage.Model;

/// <summary>What a key's place in the bucket layout (ARCHITECTURE.md) says about the object:
/// <c>projects/{projectId}/runs/{runId}/...</c> artifacts, <c>projects/{projectId}/outputs/...</c> final outputs,
/// <c>exports/{projectId}/...</c> export packages, <c>uploads/{uploadId}</c> the user's media; anything else is kept as is.</summary>
public static class ObjectLayout
{
    public const string Artifact = "artifact";
    public const string Output = "output";
    public const string Export = "export";
    public const string Upload = "upload";
    public const string Other = "other";

    public static (string Kind, Guid? OwnerProjectId) Classify(string key)
    {
        var segments = key.Split('/');
        Guid? owner = segments.Length > 2 && Guid.TryParse(segments[1], out var id) ? id : null;
        return segments[0] switch
        {
            "projects" when owner is not null && segments[2] == "runs" => (Artifact, owner),
            "projects" when owner is not null => (Output, owner),
            "exports" when owner is not null => (Export, owner),
            "uploads" => (Upload, null),
            _ => (Other, null),
        };
    }

    /// <summary>The prefixes under which a project's objects live (everything <c>ProjectDeleted</c> removes).</summary>
    public static IReadOnlyList<string> ProjectPrefixes(Guid projectId) => [$"projects/{projectId}/", $"exports/{projectId}/"];

    public static string UploadKey(Guid uploadId) => $"uploads/{uploadId}";
}
