using MantisPipeline.Database;
using Npgsql;

namespace MantisPipeline.Releases;

/// <summary>
/// The environment's releases, newest first, kept in the environment's own database (table
/// mantis_releases). At most one release per environment is Live; a partial unique index holds
/// that rule even against two pipelines promoting at once.
/// </summary>
public sealed class ReleaseLedger(string connectionString, string environment)
{
    private const string Columns =
        "id, environment, version, image, image_id, commit, container, started_by, started_at, " +
        "finished_at, outcome, note";

    // Serialises ledger changes per environment, and the table's creation.
    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtext('mantis_releases:' || $1))";

    public string Environment => environment;

    /// <summary>Creates the ledger's table and indexes if missing; an existing ledger gets no DDL.</summary>
    public Task EnsureCreatedAsync(CancellationToken ct = default) =>
        InTransactionAsync(connection => LedgerSchema.EnsureCreatedAsync(connection, ct), ct);

    /// <summary>Records a release whose deploy starts now, with the outcome Deploying.</summary>
    public async Task<Release> RecordAsync(ReleaseDraft draft, CancellationToken ct = default)
    {
        var sql = $"""
            INSERT INTO mantis_releases
                (environment, version, image, image_id, commit, container, started_by, outcome)
            VALUES ($1, $2, $3, $4, $5, $6, $7, '{ReleaseOutcome.Deploying}')
            RETURNING {Columns}
            """;
        await using var connection = await OpenAsync(ct);
        var releases = await QueryAsync(connection, sql, ct, environment, draft.Version, draft.Image,
            draft.ImageId, draft.Commit, draft.Container, draft.StartedBy);
        return releases[0];
    }

    /// <summary>
    /// Sets a release's outcome and note. Marking one Live promotes it (see PromoteAsync), so
    /// the release live before it becomes Superseded in the same transaction.
    /// </summary>
    public async Task<Release> MarkAsync(
        long id, ReleaseOutcome outcome, string? note, CancellationToken ct = default)
    {
        if (outcome == ReleaseOutcome.Live)
        {
            return await InTransactionAsync(async connection =>
            {
                await PromoteWithinAsync(connection, id, ct);
                return await SetOutcomeAsync(connection, id, ReleaseOutcome.Live, note, ct);
            }, ct);
        }

        await using var connection = await OpenAsync(ct);
        return await SetOutcomeAsync(connection, id, outcome, note, ct);
    }

    /// <summary>Makes a Deploying release Live and the one live until now Superseded, at once.</summary>
    public Task<Release> PromoteAsync(long id, CancellationToken ct = default) =>
        InTransactionAsync(connection => PromoteWithinAsync(connection, id, ct), ct);

    /// <summary>
    /// Puts <paramref name="restoredId"/> back as Live and marks <paramref name="failedId"/>
    /// RolledBack (or Failed) with the note, in one transaction.
    /// </summary>
    public Task<(Release Failed, Release Restored)> RollBackAsync(
        long failedId, long restoredId, string note,
        ReleaseOutcome failedOutcome = ReleaseOutcome.RolledBack, CancellationToken ct = default)
    {
        if (failedOutcome is not (ReleaseOutcome.RolledBack or ReleaseOutcome.Failed))
        {
            throw new ArgumentOutOfRangeException(
                nameof(failedOutcome), failedOutcome, "A rolled-back release ends RolledBack or Failed.");
        }

        return InTransactionAsync(async connection =>
        {
            await RequireRestorableAsync(connection, restoredId, ct);
            var failed = await SetOutcomeAsync(connection, failedId, failedOutcome, note, ct);
            var restored = await MakeLiveAsync(connection, restoredId, ct);
            return (failed, restored);
        }, ct);
    }

    /// <summary>
    /// Marks every Deploying release of the environment Failed with the note and returns them,
    /// newest first. A run killed mid-deploy leaves its release Deploying; the deploy calls this
    /// under its deploy lock, where no other run of the environment can be deploying.
    /// </summary>
    public Task<IReadOnlyList<Release>> AbandonInterruptedAsync(
        string note, CancellationToken ct = default)
    {
        var sql = $"""
            UPDATE mantis_releases
            SET outcome = '{ReleaseOutcome.Failed}', note = $2,
                finished_at = coalesce(finished_at, now())
            WHERE environment = $1 AND outcome = '{ReleaseOutcome.Deploying}' RETURNING {Columns}
            """;
        return InTransactionAsync<IReadOnlyList<Release>>(async connection =>
        {
            var abandoned = await QueryAsync(connection, sql, ct, environment, note);
            return abandoned.OrderByDescending(r => r.Id).ToList();
        }, ct);
    }

    /// <summary>The release that serves the environment now, if any.</summary>
    public async Task<Release?> LiveAsync(CancellationToken ct = default) =>
        await FirstAsync($"outcome = '{ReleaseOutcome.Live}'", ct);

    /// <summary>The newest Superseded release: the one a rollback goes back to.</summary>
    public async Task<Release?> PreviousAsync(CancellationToken ct = default) =>
        await FirstAsync($"outcome = '{ReleaseOutcome.Superseded}'", ct);

    /// <summary>The release with this version (newest first), else with this id, else null.</summary>
    public async Task<Release?> FindAsync(string idOrVersion, CancellationToken ct = default)
    {
        // A version is looked up first: a short git sha may be all digits.
        var sql = $"""
            SELECT {Columns} FROM mantis_releases
            WHERE environment = $1 AND (version = $2 OR id::text = $2)
            ORDER BY (version = $2) DESC, id DESC LIMIT 1
            """;
        await using var connection = await OpenAsync(ct);
        var releases = await QueryAsync(connection, sql, ct, environment, idOrVersion);
        return releases.FirstOrDefault();
    }

    /// <summary>The newest releases of the environment, newest first.</summary>
    public async Task<IReadOnlyList<Release>> ListAsync(int count, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT {Columns} FROM mantis_releases
            WHERE environment = $1 ORDER BY id DESC LIMIT $2
            """;
        await using var connection = await OpenAsync(ct);
        return await QueryAsync(connection, sql, ct, environment, count);
    }

    private async Task<Release> PromoteWithinAsync(
        NpgsqlConnection connection, long id, CancellationToken ct)
    {
        var release = await RequireAsync(connection, id, ct);
        if (release.Outcome == ReleaseOutcome.Live)
        {
            return release;
        }

        if (release.Outcome != ReleaseOutcome.Deploying)
        {
            throw new PipelineException(
                $"Release {id} ({release.Version}) in {environment} is {release.Outcome}, so it " +
                "cannot be promoted to Live. Only a release being deployed can be promoted; to " +
                "put an older release back, roll back to it.");
        }

        return await MakeLiveAsync(connection, id, ct);
    }

    private async Task<Release> MakeLiveAsync(NpgsqlConnection connection, long id, CancellationToken ct)
    {
        var supersede = $"""
            UPDATE mantis_releases SET outcome = '{ReleaseOutcome.Superseded}'
            WHERE environment = $1 AND outcome = '{ReleaseOutcome.Live}' AND id <> $2
            """;
        await using (var command = Command(connection, supersede, environment, id))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        var live = $"""
            UPDATE mantis_releases
            SET outcome = '{ReleaseOutcome.Live}', finished_at = coalesce(finished_at, now())
            WHERE environment = $1 AND id = $2 RETURNING {Columns}
            """;
        return (await QueryAsync(connection, live, ct, environment, id))[0];
    }

    private async Task<Release> SetOutcomeAsync(
        NpgsqlConnection connection, long id, ReleaseOutcome outcome, string? note, CancellationToken ct)
    {
        var sql = $"""
            UPDATE mantis_releases
            SET outcome = $3, note = coalesce($4, note),
                finished_at = CASE WHEN $3 = '{ReleaseOutcome.Deploying}' THEN finished_at
                                   ELSE coalesce(finished_at, now()) END
            WHERE environment = $1 AND id = $2 RETURNING {Columns}
            """;
        var releases = await QueryAsync(
            connection, sql, ct, environment, id, outcome.ToString(), (object?)note ?? DBNull.Value);
        return releases.Count == 1 ? releases[0] : throw NotFound(id);
    }

    private async Task RequireRestorableAsync(NpgsqlConnection connection, long id, CancellationToken ct)
    {
        var release = await RequireAsync(connection, id, ct);
        if (release.Outcome is not (ReleaseOutcome.Superseded or ReleaseOutcome.Live))
        {
            throw new PipelineException(
                $"Release {id} ({release.Version}) in {environment} is {release.Outcome}, so a " +
                "rollback cannot put it back: it never served or was itself rolled back. Roll " +
                "back to a Superseded release (the ledger's previous release).");
        }
    }

    private async Task<Release> RequireAsync(NpgsqlConnection connection, long id, CancellationToken ct)
    {
        var sql = $"SELECT {Columns} FROM mantis_releases WHERE environment = $1 AND id = $2";
        var releases = await QueryAsync(connection, sql, ct, environment, id);
        return releases.Count == 1 ? releases[0] : throw NotFound(id);
    }

    private async Task<Release?> FirstAsync(string condition, CancellationToken ct)
    {
        var sql = $"""
            SELECT {Columns} FROM mantis_releases
            WHERE environment = $1 AND {condition} ORDER BY id DESC LIMIT 1
            """;
        await using var connection = await OpenAsync(ct);
        return (await QueryAsync(connection, sql, ct, environment)).FirstOrDefault();
    }

    private async Task<T> InTransactionAsync<T>(
        Func<NpgsqlConnection, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = Command(connection, LockSql, environment))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        var result = await work(connection);
        await transaction.CommitAsync(ct);
        return result;
    }

    private async Task InTransactionAsync(Func<NpgsqlConnection, Task> work, CancellationToken ct) =>
        await InTransactionAsync<bool>(async connection =>
        {
            await work(connection);
            return true;
        }, ct);

    private Task<NpgsqlConnection> OpenAsync(CancellationToken ct) =>
        DatabaseConnection.OpenAsync(connectionString, ct);

    private PipelineException NotFound(long id) => new(
        $"The ledger of {environment} has no release {id}. List the releases " +
        "(newest first) to find the right one.");

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static async Task<List<Release>> QueryAsync(
        NpgsqlConnection connection, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = Command(connection, sql, values);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var releases = new List<Release>();
        while (await reader.ReadAsync(ct))
        {
            releases.Add(Read(reader));
        }

        return releases;
    }

    private static Release Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
        Enum.Parse<ReleaseOutcome>(reader.GetString(10)),
        reader.IsDBNull(11) ? null : reader.GetString(11));
}
