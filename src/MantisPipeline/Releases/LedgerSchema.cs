using MantisPipeline.Database;
using Npgsql;

namespace MantisPipeline.Releases;

/// <summary>
/// The mantis_releases table and its indexes. Only the table's owner may run DDL on it, while
/// a deploy user may only read and write it, so each object is created only when missing.
/// </summary>
internal static class LedgerSchema
{
    public const string Table = "mantis_releases";

    private static readonly (string Name, string Ddl)[] Objects =
    [
        (Table, $"""
            CREATE TABLE IF NOT EXISTS {Table} (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                environment text        NOT NULL,
                version     text        NOT NULL,
                image       text        NOT NULL,
                image_id    text        NOT NULL,
                commit      text        NOT NULL,
                container   text        NOT NULL,
                started_by  text        NOT NULL,
                started_at  timestamptz NOT NULL DEFAULT now(),
                finished_at timestamptz,
                outcome     text        NOT NULL,
                note        text
            )
            """),
        ("mantis_releases_one_live", $"""
            CREATE UNIQUE INDEX IF NOT EXISTS mantis_releases_one_live
                ON {Table} (environment) WHERE outcome = 'Live'
            """),
        ("mantis_releases_newest", $"""
            CREATE INDEX IF NOT EXISTS mantis_releases_newest
                ON {Table} (environment, id DESC)
            """),
    ];

    /// <summary>Creates what is missing; the caller holds the ledger's lock in a transaction.</summary>
    public static async Task EnsureCreatedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var missing = await SchemaObjects.MissingAsync(
            connection, Objects.Select(o => o.Name).ToList(), ct);

        foreach (var (name, ddl) in Objects.Where(o => missing.Contains(o.Name)))
        {
            await CreateAsync(connection, name, ddl, ct);
        }
    }

    private static async Task CreateAsync(
        NpgsqlConnection connection, string name, string ddl, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ddl, connection);
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new PipelineException(
                $"The release ledger lacks {name}, and the database user {connection.UserName} " +
                $"may not create it: {e.MessageText} (SQLSTATE {e.SqlState}). Run the deploy " +
                $"once as the owner of the database (or of {Table}), or have the owner run: " +
                $"{string.Join(" ", ddl.Split('\n', StringSplitOptions.TrimEntries))}", e);
        }
    }
}
