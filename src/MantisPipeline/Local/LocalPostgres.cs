using System.Diagnostics;
using System.Globalization;
using MantisPipeline.Engine.Logging;
using Npgsql;

namespace MantisPipeline.Local;

/// <summary>
/// A PostgreSQL 15 server on 127.0.0.1 whose cluster lives in a state folder, so that the
/// local environment's database (and its release ledger) lasts from one run to the next.
/// </summary>
public sealed class LocalPostgres
{
    public const string UserName = "mantis";

    public const string DatabaseName = "app";

    private readonly string _binaries;
    private readonly string _password;

    private LocalPostgres(string stateDirectory, string binaries, string password, int port)
    {
        StateDirectory = stateDirectory;
        _binaries = binaries;
        _password = password;
        Port = port;
    }

    public int Port { get; }

    public string StateDirectory { get; }

    public string DatabaseUrl =>
        $"postgres://{UserName}:{_password}@127.0.0.1:{Port}/{DatabaseName}?sslmode=disable";

    public string ConnectionString => ConnectionStringFor(DatabaseName);

    private string ClusterFolder => Path.Combine(StateDirectory, "postgres");

    private string DataFolder => Path.Combine(ClusterFolder, "data");

    private string SocketFolder => Path.Combine(ClusterFolder, "run");

    private string LogFile => Path.Combine(ClusterFolder, "server.log");

    private string PgCtl => Path.Combine(_binaries, "pg_ctl");

    private string Shown => StateFolder.Shown(StateDirectory);

    /// <summary>Creates the cluster on first use, starts it unless running, creates the database.</summary>
    public static async Task<LocalPostgres> StartAsync(
        string stateDir, int port, CancellationToken ct)
    {
        LoopbackPort.EnsureValid(port, "PostgreSQL");
        var stateDirectory = Path.GetFullPath(stateDir);
        Directory.CreateDirectory(stateDirectory);

        var binaries = await PostgresBinaries.FindAsync(ct);
        var passwordFile = Path.Combine(stateDirectory, "postgres.password");
        var password = await StateSecret.LoadOrCreateAsync(passwordFile, ct);
        var server = new LocalPostgres(stateDirectory, binaries, password, port);

        await server.BringUpAsync(ct);
        return server;
    }

    /// <summary>Stops the server and keeps its cluster for the next start.</summary>
    public async Task StopAsync()
    {
        if (await RunningPortAsync(CancellationToken.None) is null)
        {
            return;
        }

        Log.Information($"Stopping local PostgreSQL on 127.0.0.1:{Port}");
        string[] arguments = ["stop", "-D", DataFolder, "-m", "fast", "-w", "-s"];
        await ServiceCommand.RunCheckedAsync(
            ServiceCommand.RunAsPostgresAsync(PgCtl, arguments, CancellationToken.None),
            $"Stopping PostgreSQL in {DataFolder}");

        // Pooled connections to a stopped server are dead; a later start must not get them.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
    }

    /// <summary>The Npgsql connection string for another database on this server.</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = UserName,
        Password = _password,
        Database = database,
        SslMode = SslMode.Disable,
    }.ConnectionString;

    private async Task BringUpAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();

        var runningPort = await RunningPortAsync(ct);
        if (runningPort == Port)
        {
            Log.Information($"Reusing local PostgreSQL on 127.0.0.1:{Port} (state in {Shown})");
        }
        else if (runningPort is int other)
        {
            throw RunningElsewhereError(other);
        }
        else if (LoopbackPort.IsTaken(Port))
        {
            throw LoopbackPort.TakenError(Port, "PostgreSQL");
        }
        else
        {
            await InitialiseUnlessDoneAsync(ct);
            await LaunchAsync(ct);
        }

        await EnsureDatabaseAsync(ct);
        Log.Information($"PostgreSQL ready on 127.0.0.1:{Port} in {clock.ElapsedMilliseconds} ms");
    }

    private async Task InitialiseUnlessDoneAsync(CancellationToken ct)
    {
        if (File.Exists(Path.Combine(DataFolder, "PG_VERSION")))
        {
            return;
        }

        Log.Information($"Creating a PostgreSQL 15 cluster in {Shown}");
        if (Directory.Exists(DataFolder) && Directory.EnumerateFileSystemEntries(DataFolder).Any())
        {
            throw new PipelineException(
                $"The folder {DataFolder} holds files but no PostgreSQL cluster. Delete it (or " +
                "the whole state folder) so that the local database can be created afresh.");
        }

        Directory.CreateDirectory(ClusterFolder);
        Directory.CreateDirectory(SocketFolder);

        // initdb reads the superuser's password from a file the postgres account can read;
        // it lives inside the cluster folder only while initdb runs.
        var passwordFile = Path.Combine(ClusterFolder, "initdb.password");
        await OwnerOnlyFile.WriteAsync(passwordFile, _password, ct);

        try
        {
            await ServiceAccount.PrepareFolderAsync(ClusterFolder, ct);
            await RunInitdbAsync(passwordFile, ct);
        }
        finally
        {
            File.Delete(passwordFile);
        }

        await File.AppendAllTextAsync(Path.Combine(DataFolder, "postgresql.conf"), Settings(), ct);
    }

    private async Task RunInitdbAsync(string passwordFile, CancellationToken ct)
    {
        string[] arguments =
        [
            "-D", DataFolder, "-U", UserName, $"--pwfile={passwordFile}",
            "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync",
            "--no-instructions",
        ];
        await ServiceCommand.RunCheckedAsync(
            ServiceCommand.RunAsPostgresAsync(Path.Combine(_binaries, "initdb"), arguments, ct),
            $"Creating the PostgreSQL cluster in {DataFolder} (initdb)");
    }

    // The port is not here: it is passed at each start, so a later run may choose another.
    private string Settings()
    {
        var socketFolder = SocketFolder.Replace("'", "''", StringComparison.Ordinal);
        return $"""

            # Set by MantisPipeline for the local environment: loopback only, no durability
            # (fsync off), the socket inside the state folder.
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{socketFolder}'
            password_encryption = 'scram-sha-256'
            fsync = off
            synchronous_commit = off
            full_page_writes = off

            """;
    }

    private async Task LaunchAsync(CancellationToken ct)
    {
        Log.Information($"Starting PostgreSQL 15 for local on 127.0.0.1:{Port} (state in {Shown})");
        string[] arguments =
        [
            "start", "-D", DataFolder, "-l", LogFile, "-o", $"-p {Port}", "-w", "-t", "60", "-s",
        ];
        var result = await ServiceCommand.RunAsPostgresAsync(PgCtl, arguments, ct);
        if (result.ExitCode != 0)
        {
            throw new PipelineException(
                $"PostgreSQL in {DataFolder} did not start on 127.0.0.1:{Port}: " +
                $"{result.Output}{Environment.NewLine}Its log ({LogFile}) ends with:" +
                $"{Environment.NewLine}{LogTail()}");
        }
    }

    /// <summary>The port the cluster's server listens on, or null when it is not running.</summary>
    private async Task<int?> RunningPortAsync(CancellationToken ct)
    {
        if (!Directory.Exists(DataFolder))
        {
            return null;
        }

        var status = await ServiceCommand.RunAsPostgresAsync(
            PgCtl, ["status", "-D", DataFolder], ct);
        if (status.ExitCode != 0)
        {
            return null;
        }

        // The fourth line of postmaster.pid is the port the server listens on.
        var lines = await File.ReadAllLinesAsync(Path.Combine(DataFolder, "postmaster.pid"), ct);
        return int.Parse(lines[3], CultureInfo.InvariantCulture);
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres"))
        {
            Pooling = false,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);

        await using var exists = new NpgsqlCommand(
            "SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = DatabaseName });
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }

        Log.Information($"Creating the database {DatabaseName} on local PostgreSQL");
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
    }

    private PipelineException RunningElsewhereError(int runningPort) => new(
        $"The local PostgreSQL in {Shown} already runs on port {runningPort}, not on the " +
        $"requested port {Port}. Use port {runningPort} in the local environment's settings, " +
        $"or stop that server first (pg_ctl stop -D {DataFolder}).");

    private string LogTail()
    {
        if (!File.Exists(LogFile))
        {
            return "(no log was written)";
        }

        var lines = File.ReadAllLines(LogFile);
        return string.Join(Environment.NewLine, lines.TakeLast(10));
    }
}
