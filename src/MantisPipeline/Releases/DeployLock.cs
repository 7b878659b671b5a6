using MantisPipeline.Database;
using MantisPipeline.Engine.Logging;
using Npgsql;

namespace MantisPipeline.Releases;

/// <summary>
/// One lock per environment, held from the first change a deploy or rollback makes until the
/// build ends. It is a session advisory lock in the environment's own database, so terminals
/// and CI share it, and it goes away with the process that held it, even a killed one.
/// </summary>
public sealed class DeployLock : IAsyncDisposable
{
    private const string ApplicationPrefix = "mantis-deploy ";

    private readonly NpgsqlConnection _connection;
    private readonly string _environment;

    private DeployLock(NpgsqlConnection connection, string environment)
    {
        _connection = connection;
        _environment = environment;
    }

    /// <param name="owner">Who holds it, as other runs will read it: user, host and process.</param>
    public static async Task<DeployLock> AcquireAsync(
        string connectionString, string environment, string owner, CancellationToken ct)
    {
        var connection = await DatabaseConnection.OpenAsync(connectionString, ct,
            builder => builder.ApplicationName = Truncate(ApplicationPrefix + owner));

        await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtext($1))", connection);
        take.Parameters.AddWithValue(Key(environment));
        if (await take.ExecuteScalarAsync(ct) is true)
        {
            Log.Information($"Took the deploy lock of {environment} ({owner})");
            return new DeployLock(connection, environment);
        }

        var holder = await HolderAsync(connection, environment, ct);
        await connection.DisposeAsync();
        throw new PipelineException(
            $"Another deploy or rollback of {environment} is running ({holder}), and two at " +
            "once could leave the environment without a serving release. Wait for it to " +
            "finish and run this again; a killed run releases the lock by itself.");
    }

    public async ValueTask DisposeAsync()
    {
        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext($1))", _connection))
        {
            release.Parameters.AddWithValue(Key(_environment));
            await release.ExecuteScalarAsync();
        }

        await _connection.DisposeAsync();
    }

    private static async Task<string> HolderAsync(
        NpgsqlConnection connection, string environment, CancellationToken ct)
    {
        const string sql = """
            SELECT a.application_name, a.backend_start
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objid = hashtext($1)::oid
            LIMIT 1
            """;
        await using var query = new NpgsqlCommand(sql, connection);
        query.Parameters.AddWithValue(Key(environment));

        await using var reader = await query.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return "its holder could not be read";
        }

        var name = reader.GetString(0);
        var owner = name.StartsWith(ApplicationPrefix, StringComparison.Ordinal)
            ? name[ApplicationPrefix.Length..]
            : name;
        return $"held by {owner} since {reader.GetDateTime(1):yyyy-MM-dd HH:mm:ss} UTC";
    }

    private static string Key(string environment) => "mantis-deploy:" + environment;

    // PostgreSQL keeps at most 63 bytes of an application name.
    private static string Truncate(string text) => text.Length <= 63 ? text : text[..63];
}
