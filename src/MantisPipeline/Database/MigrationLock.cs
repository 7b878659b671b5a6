using System.Diagnostics;
using MantisPipeline.Engine.Logging;
using Npgsql;

namespace MantisPipeline.Database;

/// <summary>
/// The session advisory lock held for a whole migration run, so that two runs against one
/// database cannot interleave. It goes with the session, so a crashed run cannot leave it behind.
/// </summary>
internal static class MigrationLock
{
    // "mant" in ASCII: fits in 32 bits, so pg_locks shows it as objid with classid 0.
    private const long Key = 0x6D616E74;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Takes the lock, waiting at most <paramref name="wait"/>; returns the wait.</summary>
    public static async Task<TimeSpan> AcquireAsync(
        NpgsqlConnection connection, TimeSpan wait, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var logged = false;
        while (!await TryAcquireAsync(connection, ct))
        {
            var holder = await DescribeHolderAsync(connection, ct);
            if (clock.Elapsed >= wait)
            {
                throw new PipelineException(
                    $"Another migration run ({holder}) has held the migration lock for more than " +
                    $"{wait.TotalSeconds:0.#} s, so this run applied nothing. Let it finish and run " +
                    "again, or, if it hangs, end that session (pg_terminate_backend) first.");
            }

            if (!logged)
            {
                Log.Information(
                    $"Waiting for another migration run ({holder}), at most {wait.TotalSeconds:0.#} s");
                logged = true;
            }

            await Task.Delay(PollInterval, ct);
        }

        return clock.Elapsed;
    }

    public static async Task ReleaseAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", connection);
        await command.ExecuteScalarAsync();
    }

    private static async Task<bool> TryAcquireAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Key})", connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<string> DescribeHolderAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var sql = $"""
            SELECT a.pid, a.application_name, a.usename, a.client_addr::text
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = {Key}
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            LIMIT 1
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return "its session could not be seen";
        }

        var application = reader.IsDBNull(1) || reader.GetString(1).Length == 0
            ? "no application_name"
            : $"application_name '{reader.GetString(1)}'";
        var client = reader.IsDBNull(3) ? "local socket" : reader.GetString(3);
        return $"pid {reader.GetInt32(0)}, {application}, user {reader.GetString(2)}, from {client}";
    }
}
