using MantisPipeline.Local;
using Npgsql;

namespace MantisPipeline.Tests.Fixtures;

/// <summary>
/// A real PostgreSQL 15 on a free loopback port with its cluster in a temp folder, shared by
/// the tests of one class; CreateDatabaseAsync gives a test a database of its own.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("mantis-pg-").FullName;
    private LocalPostgres? _server;

    public LocalPostgres Server => _server ?? throw new InvalidOperationException("Not started.");

    public string ConnectionString => Server.ConnectionString;

    public string DatabaseUrl => Server.DatabaseUrl;

    public int Port => Server.Port;

    public async Task InitializeAsync()
    {
        _server = await LocalPostgres.StartAsync(
            _stateDirectory, LoopbackPort.PickFree(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await _server.StopAsync();
        }

        Directory.Delete(_stateDirectory, recursive: true);
    }

    /// <summary>Creates an empty database and returns its Npgsql connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return Server.ConnectionStringFor(name);
    }
}
