using Npgsql;

namespace MantisPipeline.Database;

/// <summary>Which tables and indexes exist, so that DDL runs only for the missing ones.</summary>
internal static class SchemaObjects
{
    /// <summary>The names, in their order, that name no table or index on the search path.</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(
        NpgsqlConnection connection, IReadOnlyList<string> names, CancellationToken ct)
    {
        // to_regclass needs no privilege on the object, unlike information_schema's views,
        // which hide what the user cannot touch.
        const string sql = """
            SELECT name FROM unnest($1::text[]) WITH ORDINALITY AS o(name, place)
            WHERE to_regclass(name) IS NULL ORDER BY place
            """;
        await using var command = new NpgsqlCommand(sql, connection)
        {
            Parameters = { new() { Value = names.ToArray() } },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);

        var missing = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            missing.Add(reader.GetString(0));
        }

        return missing;
    }
}
