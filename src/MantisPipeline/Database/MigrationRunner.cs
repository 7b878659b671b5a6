using System.Diagnostics;
using MantisPipeline.Engine.Logging;
using Npgsql;

namespace MantisPipeline.Database;

/// <summary>
/// Applies the pending scripts of a migrations folder in version order, each one atomic with
/// its schema history row, under a session advisory lock and with statement and lock timeouts.
/// </summary>
/// <remarks>
/// A script whose first line is <c>-- mantis:no-transaction</c> runs outside a transaction,
/// for statements PostgreSQL refuses inside one (CREATE INDEX CONCURRENTLY). Such a script
/// cannot be rolled back: when it fails, the statements before the failing one stay applied
/// and no history row is written, so write it to be re-run safely (IF NOT EXISTS).
/// </remarks>
public sealed class MigrationRunner(string connectionString, MigrationOptions? options = null)
{
    public const string ApplicationName = "mantis-migrate";

    private readonly MigrationOptions _options = options ?? new MigrationOptions();

    public async Task<MigrationReport> RunAsync(string migrationsDirectory, CancellationToken ct)
    {
        var migrations = MigrationCatalog.Load(migrationsDirectory);
        var clock = Stopwatch.StartNew();

        // No pooling: the session lock and settings belong to this run's connection alone.
        await using var connection = await DatabaseConnection.OpenAsync(connectionString, ct, b =>
        {
            b.ApplicationName = ApplicationName;
            b.Pooling = false;
        });
        await ApplySessionSettingsAsync(connection, ct);

        var lockWait = await MigrationLock.AcquireAsync(connection, _options.RunLockWait, ct);
        try
        {
            return await ApplyPendingAsync(connection, migrations, lockWait, clock, ct);
        }
        finally
        {
            await ReleaseLockAsync(connection);
        }
    }

    private async Task ApplySessionSettingsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var statementMs = (long)_options.StatementTimeout.TotalMilliseconds;
        var lockMs = (long)_options.LockTimeout.TotalMilliseconds;
        var sql = $"SET statement_timeout = {statementMs}; SET lock_timeout = {lockMs}";
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<MigrationReport> ApplyPendingAsync(
        NpgsqlConnection connection, IReadOnlyList<Migration> migrations, TimeSpan lockWait,
        Stopwatch clock, CancellationToken ct)
    {
        await SchemaHistory.EnsureCreatedAsync(connection, ct);
        var history = await SchemaHistory.ReadAsync(connection, ct);
        MigrationHistoryCheck.Verify(migrations, history);

        var skipped = migrations.Where(m => history.ContainsKey(m.Version)).ToList();
        var pending = migrations.Where(m => !history.ContainsKey(m.Version)).ToList();
        if (pending.Count == 0)
        {
            Log.Information($"Database is up to date: {history.Count} migrations applied earlier");
            return new MigrationReport([], skipped, lockWait, clock.Elapsed);
        }

        var applied = new List<AppliedMigration>();
        foreach (var migration in pending)
        {
            applied.Add(await ApplyAsync(connection, migration, applied, ct));
        }

        Log.Information(
            $"Applied {applied.Count} migrations in {clock.ElapsedMilliseconds} ms " +
            $"({skipped.Count} applied earlier)");
        return new MigrationReport(applied, skipped, lockWait, clock.Elapsed);
    }

    private async Task<AppliedMigration> ApplyAsync(
        NpgsqlConnection connection, Migration migration, IReadOnlyList<AppliedMigration> before,
        CancellationToken ct)
    {
        var mode = migration.RunsInTransaction ? "" : " outside a transaction";
        Log.Information($"Applying migration {migration.FileName}{mode}");

        var failure = new MigrationFailure(migration, before, _options);
        var clock = Stopwatch.StartNew();
        try
        {
            await (migration.RunsInTransaction
                ? RunInTransactionAsync(connection, failure, clock, ct)
                : RunAsync(connection, failure, clock, ct));
        }
        catch (PostgresException e)
        {
            throw failure.Describe(e, statement: null);
        }

        Log.Information($"Applied migration {migration.FileName} in {clock.ElapsedMilliseconds} ms");
        return new AppliedMigration(
            migration.Version, migration.Name, migration.FileName, migration.RunsInTransaction,
            clock.Elapsed);
    }

    // Leaving the block without a commit rolls the transaction back: script and history row go together.
    private async Task RunInTransactionAsync(
        NpgsqlConnection connection, MigrationFailure failure, Stopwatch clock, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await RunAsync(connection, failure, clock, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task RunAsync(
        NpgsqlConnection connection, MigrationFailure failure, Stopwatch clock, CancellationToken ct)
    {
        foreach (var statement in SqlStatement.Split(failure.Migration.Sql))
        {
            await ExecuteAsync(connection, statement, failure, ct);
        }

        await SchemaHistory.RecordAsync(
            connection, failure.Migration, _options.AppliedBy, clock.Elapsed, ct);
    }

    // One statement per round trip: PostgreSQL refuses CREATE INDEX CONCURRENTLY in a
    // pipelined batch, and an error's position is then known within the file.
    private static async Task ExecuteAsync(
        NpgsqlConnection connection, SqlStatement statement, MigrationFailure failure,
        CancellationToken ct)
    {
        // statement_timeout limits each statement on the server; a client-side limit on
        // top would only add a second, different error for the same cause.
        await using var command = new NpgsqlCommand(statement.Text, connection) { CommandTimeout = 0 };
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e)
        {
            throw failure.Describe(e, statement);
        }
    }

    private static async Task ReleaseLockAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await MigrationLock.ReleaseAsync(connection);
        }
        catch (NpgsqlException e)
        {
            // Closing the session releases the lock as well; the run's own error matters more.
            Log.Debug($"The migration lock was left to the session's end: {e.Message}");
        }
    }
}
