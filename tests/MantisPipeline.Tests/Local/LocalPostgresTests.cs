using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MantisPipeline.Local;
using Npgsql;
using Xunit.Abstractions;

namespace MantisPipeline.Tests.Local;

public sealed class LocalPostgresTests(ITestOutputHelper output)
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task First_start_creates_the_cluster_and_the_app_database_behind_a_password()
    {
        using var state = new TempStateFolder();
        var server = await LocalPostgres.StartAsync(state.Path, LoopbackPort.PickFree(), default);
        try
        {
            Assert.Equal(("app", "127.0.0.1"), await QueryAsync(server.ConnectionString,
                "SELECT current_database(), current_setting('listen_addresses')"));
            var version = await ScalarAsync(server.ConnectionString, "SELECT version()");
            Assert.Contains("PostgreSQL 15", version);

            var passwordFile = Path.Combine(state.Path, "postgres.password");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite,
                File.GetUnixFileMode(passwordFile));
            Assert.Contains(await File.ReadAllTextAsync(passwordFile), server.DatabaseUrl);

            var wrong = new NpgsqlConnectionStringBuilder(server.ConnectionString)
            {
                Password = "wrong-" + Guid.NewGuid().ToString("N"),
            };
            var refused = await Assert.ThrowsAsync<PostgresException>(
                () => ScalarAsync(wrong.ConnectionString, "SELECT 1"));
            Assert.Equal("28P01", refused.SqlState);
        }
        finally
        {
            await server.StopAsync();
        }
    }

    [Fact]
    public async Task A_second_start_reuses_the_running_server_and_a_restart_keeps_the_data()
    {
        using var state = new TempStateFolder();
        var port = LoopbackPort.PickFree();

        var clock = Stopwatch.StartNew();
        var first = await LocalPostgres.StartAsync(state.Path, port, default);
        output.WriteLine($"first start (initdb + start): {clock.ElapsedMilliseconds} ms");
        try
        {
            await ScalarAsync(first.ConnectionString, "CREATE TABLE kept (id int)");
            var startedAt = await ScalarAsync(first.ConnectionString, "SELECT pg_postmaster_start_time()");

            clock.Restart();
            var second = await LocalPostgres.StartAsync(state.Path, port, default);
            output.WriteLine($"reuse of the running server: {clock.ElapsedMilliseconds} ms");
            Assert.Equal(startedAt,
                await ScalarAsync(second.ConnectionString, "SELECT pg_postmaster_start_time()"));

            await second.StopAsync();
            Assert.False(LoopbackPort.IsTaken(port));

            clock.Restart();
            var third = await LocalPostgres.StartAsync(state.Path, port, default);
            output.WriteLine($"start of the stopped cluster: {clock.ElapsedMilliseconds} ms");
            Assert.Equal("kept",
                await ScalarAsync(third.ConnectionString, "SELECT to_regclass('kept')::text"));
        }
        finally
        {
            await first.StopAsync();
        }
    }

    [Fact]
    public async Task Asking_for_another_port_while_the_cluster_runs_names_the_running_port()
    {
        using var state = new TempStateFolder();
        var port = LoopbackPort.PickFree();
        var server = await LocalPostgres.StartAsync(state.Path, port, default);
        try
        {
            var error = await Assert.ThrowsAsync<PipelineException>(
                () => LocalPostgres.StartAsync(state.Path, LoopbackPort.PickFree(), default));

            Assert.Contains($"already runs on port {port}", error.Message);
        }
        finally
        {
            await server.StopAsync();
        }
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task<(string, string)> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetString(1));
    }
}
