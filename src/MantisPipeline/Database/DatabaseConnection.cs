using System.Net.Sockets;
using Npgsql;

namespace MantisPipeline.Database;

/// <summary>Opens connections; "cannot connect" becomes a message naming the target and the fix.</summary>
public static class DatabaseConnection
{
    public static async Task<NpgsqlConnection> OpenAsync(
        string connectionString, CancellationToken ct, Action<NpgsqlConnectionStringBuilder>? adjust = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        adjust?.Invoke(builder);

        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw Unreachable(connectionString, e);
        }
    }

    private static PipelineException Unreachable(string connectionString, Exception error)
    {
        var target = PostgresUrl.Describe(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var message = (error as PostgresException)?.SqlState switch
        {
            "28P01" or "28000" =>
                $"PostgreSQL at {target} refused the login of user {builder.Username}: " +
                $"{error.Message}. Check the user and password in the environment's database URL.",
            "3D000" =>
                $"PostgreSQL at {target} has no database {builder.Database}. Create it " +
                "(CREATE DATABASE) or fix the database name in the environment's database URL.",
            _ =>
                $"Cannot reach PostgreSQL at {target} ({builder.Host}:{builder.Port}): " +
                $"{error.Message}. Check that the server runs and accepts connections from " +
                "this machine, and that the environment's database URL names the right host " +
                "and port.",
        };
        return new PipelineException(message, error);
    }
}
