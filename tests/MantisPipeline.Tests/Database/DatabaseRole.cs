using Npgsql;

namespace MantisPipeline.Tests.Database;

/// <summary>A login role with only the grants a test gives it, as a deploy user has.</summary>
internal static class DatabaseRole
{
    /// <summary>Creates the role and returns its connection string to the same database.</summary>
    /// <param name="grants">GRANT statements, with {0} where the role's name goes.</param>
    public static async Task<string> CreateAsync(string ownerConnection, string grants)
    {
        var role = "deployer_" + Guid.NewGuid().ToString("N")[..8];
        var password = Guid.NewGuid().ToString("N");
        var builder = new NpgsqlConnectionStringBuilder(ownerConnection);
        var sql = $"""
            CREATE ROLE {role} LOGIN PASSWORD '{password}';
            GRANT CONNECT ON DATABASE {builder.Database} TO {role};
            {string.Format(grants, role)};
            """;
        await using (var connection = new NpgsqlConnection(ownerConnection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        builder.Username = role;
        builder.Password = password;
        return builder.ConnectionString;
    }
}
