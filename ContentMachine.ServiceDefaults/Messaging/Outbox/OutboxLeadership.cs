using Npgsql;

namespace ContentMachine.ServiceDefaults.Messaging.Outbox;

/// <summary>One relay per database publishes at a time (so events leave in the order they were written, across
/// replicas): a PostgreSQL session-level advisory lock held on a dedicated, unpooled connection. If that connection
/// dies the lock is released and another replica takes over.</summary>
internal sealed class OutboxLeadership : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private OutboxLeadership(NpgsqlConnection connection) => _connection = connection;

    public static async Task<OutboxLeadership?> TryAcquireAsync(string connectionString, long key, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            if (await command.ExecuteScalarAsync(ct) is true) return new OutboxLeadership(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Throws when the session (and with it the lock) is gone.</summary>
    public async Task EnsureHeldAsync(CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT 1", _connection);
        await command.ExecuteScalarAsync(ct);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
