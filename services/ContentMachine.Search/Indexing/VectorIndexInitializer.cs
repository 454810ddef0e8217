namespace ContentMachine.Search.Indexing;

/// <summary>Loads the embedded index (or checks the Qdrant collection) at start, after the migrations (registered after
/// the database, so hosted services run in that order) and before requests are served.</summary>
internal sealed class VectorIndexInitializer(IVectorIndex index) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => index.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
