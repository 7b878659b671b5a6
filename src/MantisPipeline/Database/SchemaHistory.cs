using Npgsql;

namespace MantisPipeline.Database;

/// <summary>A migration as the schema history table recorded it.</summary>
public sealed record HistoryEntry(long Version, string Name, string Checksum, DateTimeOffset AppliedAt);

/// <summary>The mantis_schema_history table: which migrations ran, when, by whom, for how long.</summary>
internal static class SchemaHistory
{
    public const string Table = "mantis_schema_history";

    // CREATE TABLE IF NOT EXISTS still needs CREATE on the schema, which a user that only
    // writes the history may lack; an existing table therefore gets no DDL at all.
    public static async Task EnsureCreatedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        if ((await SchemaObjects.MissingAsync(connection, [Table], ct)).Count == 0)
        {
            return;
        }

        const string sql = $"""
            CREATE TABLE IF NOT EXISTS {Table} (
                version      bigint      PRIMARY KEY,
                name         text        NOT NULL,
                checksum     text        NOT NULL,
                applied_at   timestamptz NOT NULL DEFAULT now(),
                applied_by   text        NOT NULL,
                execution_ms integer     NOT NULL
            )
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<IReadOnlyDictionary<long, HistoryEntry>> ReadAsync(
        NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = $"SELECT version, name, checksum, applied_at FROM {Table} ORDER BY version";
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);

        var entries = new Dictionary<long, HistoryEntry>();
        while (await reader.ReadAsync(ct))
        {
            var entry = new HistoryEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3));
            entries.Add(entry.Version, entry);
        }

        return entries;
    }

    public static async Task RecordAsync(
        NpgsqlConnection connection, Migration migration, string appliedBy, TimeSpan duration,
        CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO {Table} (version, name, checksum, applied_by, execution_ms)
            VALUES ($1, $2, $3, $4, $5)
            """;
        await using var command = new NpgsqlCommand(sql, connection)
        {
            Parameters =
            {
                new() { Value = migration.Version },
                new() { Value = migration.Name },
                new() { Value = migration.Checksum },
                new() { Value = appliedBy },
                new() { Value = (int)Math.Ceiling(duration.TotalMilliseconds) },
            },
        };
        await command.ExecuteNonQueryAsync(ct);
    }
}
