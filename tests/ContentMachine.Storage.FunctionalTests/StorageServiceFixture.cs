using ContentMachine.AppHost.Hosting;
using Npgsql;

namespace ContentMachine.Storage.FunctionalTests;

/// <summary>The Storage service as its own process (so its memory is its own to measure) against real PostgreSQL,
/// RabbitMQ and the S3 server, started by the AppHost; the tests talk HTTP to it as the gateway would.</summary>
public sealed class StorageServiceFixture() : BackingServersFixture("storage")
{
    public const long MaxUploadBytes = 1024 * 1024;

    public HttpClient Client { get; private set; } = null!;

    protected override StackOptions Configure(StackOptions options) => options with
    {
        Environment = new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            ["storage"] = new Dictionary<string, string?>
            {
                ["Storage__MaxUploadBytes"] = MaxUploadBytes.ToString(),
                ["Storage__Lifecycle__Interval"] = "00:00:00.500",
            },
        },
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Client = new HttpClient { BaseAddress = Stack.ServiceUrl("storage"), Timeout = TimeSpan.FromMinutes(5) };
    }

    public override async Task DisposeAsync()
    {
        Client?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>The storage process's peak resident memory so far (VmHWM), in bytes.</summary>
    public long PeakResidentBytes() => ProcStatus("VmHWM");

    public long ResidentBytes() => ProcStatus("VmRSS");

    private long ProcStatus(string field)
    {
        var pid = Stack.StartedProcesses.Single(p => p.Resource == "storage" && p.IsAlive).Pid;
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    /// <summary>Runs SQL against storagedb (to age an object past its expiry, as time would).</summary>
    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Stack.ConnectionString("storagedb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++) command.Parameters.AddWithValue(parameters[i]);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<HttpResponseMessage> PutAsync(string key, byte[] content, string contentType = "application/octet-stream")
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await Client.PutAsync($"/api/storage/objects/{key}", body);
    }
}

[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<StorageServiceFixture>
{
    public const string Name = "storage service";
}
