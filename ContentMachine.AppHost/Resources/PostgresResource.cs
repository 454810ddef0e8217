using ContentMachine.AppHost.Hosting;
using ContentMachine.AppHost.Processes;
using Npgsql;

namespace ContentMachine.AppHost.Resources;

/// <summary>PostgreSQL 15 run from Debian's binaries on a private data folder. Each service gets its own database and
/// its own login role that owns it and may connect nowhere else, so "no service reads another's database" holds.</summary>
public sealed class PostgresResource(int port) : StackResource("postgres", "PostgreSQL 15")
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string OsUser = "postgres";

    private readonly List<PostgresDatabase> _databases = [];

    public int Port { get; } = port;
    public IReadOnlyList<PostgresDatabase> Databases => _databases;

    public PostgresDatabase AddDatabase(string name)
    {
        var database = new PostgresDatabase(this, name);
        _databases.Add(database);
        return database;
    }

    public override IEnumerable<Prerequisite> Prerequisites(StackContext context) =>
    [
        Prerequisite.AptPackage("PostgreSQL 15 server", $"{BinDirectory}/postgres", "postgresql-15"),
        new("util-linux (setsid, setpriv)", () => Executable.Exists("setpriv") && Executable.Exists("setsid"), "apt-get install -y util-linux"),
    ];

    public override IReadOnlyList<string> Endpoints(int replica) => [$"tcp://127.0.0.1:{Port}"];

    private static string? RunAs => Posix.IsRoot ? OsUser : null;

    internal string AdminPassword(StackContext context) => context.Secrets.Get("postgres-password");

    internal string ConnectionString(StackContext context, string database, string user, string password) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Database = database, Username = user, Password = password,
        }.ConnectionString;

    public override async Task PrepareAsync(StackContext context, CancellationToken ct)
    {
        var root = context.State.PostgresDirectory();
        Directory.CreateDirectory(root);
        await ChownAsync(root, ct);
        if (File.Exists(Path.Combine(root, "data", "PG_VERSION"))) return;

        context.Log("postgres: creating a new database cluster");
        var passwordFile = Path.Combine(root, "initdb.pw");
        await File.WriteAllTextAsync(passwordFile, AdminPassword(context), ct);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await ChownAsync(passwordFile, ct);
        try
        {
            await RunToCompletionAsync(context, new ProcessSpec($"{BinDirectory}/initdb",
                ["-D", Path.Combine(root, "data"), "-U", "postgres", $"--pwfile={passwordFile}", "--auth-local=trust",
                 "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]) { RunAsUser = RunAs }, ct);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    public override ProcessSpec CreateProcess(StackContext context, int replica)
    {
        var data = Path.Combine(context.State.PostgresDirectory(), "data");
        List<string> args = ["-D", data, "-p", Port.ToString(), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
            "-c", "max_connections=300", "-c", "log_min_messages=warning"];
        if (!context.Options.Durable) args.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        // SIGINT is PostgreSQL's fast shutdown: it does not wait for clients to disconnect.
        return new ProcessSpec($"{BinDirectory}/postgres", args) { RunAsUser = RunAs, StopSignal = Posix.SIGINT, StopTimeout = TimeSpan.FromSeconds(20) };
    }

    public override Task WaitUntilReadyAsync(StackContext context, int replica, CancellationToken ct) =>
        PollAsync(async token =>
        {
            await using var connection = new NpgsqlConnection(ConnectionString(context, "postgres", "postgres", AdminPassword(context)));
            await connection.OpenAsync(token);
            return true;
        }, ct);

    /// <summary>Creates each database and its owner role once; later starts find them and change nothing.</summary>
    public override async Task OnReadyAsync(StackContext context, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(context, "postgres", "postgres", AdminPassword(context)));
        await connection.OpenAsync(ct);
        foreach (var database in _databases)
        {
            // Names are fixed identifiers of this AppHost and passwords are hex, so both are safe to inline in DDL.
            var password = database.Password(context);
            if (!await ExistsAsync(connection, "SELECT 1 FROM pg_roles WHERE rolname = @name", database.Name, ct))
                await ExecuteAsync(connection, $"CREATE ROLE \"{database.Name}\" LOGIN PASSWORD '{password}'", ct);
            if (!await ExistsAsync(connection, "SELECT 1 FROM pg_database WHERE datname = @name", database.Name, ct))
            {
                await ExecuteAsync(connection, $"CREATE DATABASE \"{database.Name}\" OWNER \"{database.Name}\"", ct);
                await ExecuteAsync(connection, $"REVOKE ALL ON DATABASE \"{database.Name}\" FROM PUBLIC", ct);
                context.Log($"postgres: created database {database.Name}");
            }
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ChownAsync(string path, CancellationToken ct)
    {
        if (Posix.IsRoot) await RunToCompletionAsync(null, new ProcessSpec("chown", [$"{OsUser}:{OsUser}", path]), ct);
    }

    private static async Task RunToCompletionAsync(StackContext? context, ProcessSpec spec, CancellationToken ct)
    {
        var output = new List<string>();
        var process = ManagedProcess.Start(spec, (line, _) => { lock (output) output.Add(line); });
        var exitCode = await process.Exited.WaitAsync(ct);
        if (exitCode != 0)
            throw new ResourceFailedException("postgres", $"{Path.GetFileName(spec.FileName)} exited with code {exitCode}", output);
        context?.Log($"postgres: {Path.GetFileName(spec.FileName)} done");
    }
}

/// <summary>A service's database on the server; its connection string logs in as the database's own role.</summary>
public sealed class PostgresDatabase(PostgresResource server, string name) : IConnectionStringResource
{
    public string Name { get; } = name;
    public string ConnectionName => Name;
    public StackResource Owner => server;

    internal string Password(StackContext context) => context.Secrets.Get($"postgres-{Name}-password");

    public string GetConnectionString(StackContext context) => server.ConnectionString(context, Name, Name, Password(context));
}
