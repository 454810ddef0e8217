using ContentMachine.ServiceDefaults.Clients;
using System.Text.Json;
using ContentMachine.Contracts;

namespace ContentMachine.Pipeline.Runs;

/// <summary>What a stage works with: the run (read only), its private temporary folder, the checkpoints of the stages
/// before it, and the Storage service. Events a stage raises go out with its checkpoint, in one transaction.</summary>
public sealed class RunWork(Run run, string folder, StorageClient storage)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<IntegrationEvent> _events = [];

    public Guid RunId => run.Id;
    public Guid ProjectId => run.ProjectId;
    public int Attempt => run.Attempt;
    public string Topic => run.Topic;
    public string Title => run.Title;
    public VideoOptions Options => run.Options;
    public string Folder => folder;
    public StorageClient Storage => storage;
    public IReadOnlyList<IntegrationEvent> Events => _events;

    /// <summary>Where a stage's artifact lives in the bucket (ARCHITECTURE.md's layout).</summary>
    public string ArtifactKey(string stage, string file) => $"projects/{ProjectId}/runs/{RunId}/{stage}/{file}";

    public string OutputKey(string file) => $"projects/{ProjectId}/outputs/{file}";

    public string LocalPath(string file) => Path.Combine(folder, file);

    /// <summary>The checkpoint of an earlier stage.</summary>
    public T Output<T>(string stage) =>
        JsonSerializer.Deserialize<T>(run.Checkpoint(stage)?.Output ?? throw new InvalidOperationException($"The {stage} stage has no checkpoint."), Json)
        ?? throw new InvalidOperationException($"The {stage} checkpoint is empty.");

    /// <summary>An artifact as a local file: still here if this replica made it, otherwise fetched from storage (a run
    /// resumed elsewhere after a crash).</summary>
    public async Task<string> LocalFileAsync(string key, string file, CancellationToken ct)
    {
        var path = LocalPath(file);
        if (!File.Exists(path) && !await storage.DownloadAsync(key, path, ct))
            throw new InvalidOperationException($"The artifact {key} is missing from storage.");
        return path;
    }

    public void Raise(IntegrationEvent e) => _events.Add(e);

    public static string Serialize<T>(T output) => JsonSerializer.Serialize(output, Json);
}
