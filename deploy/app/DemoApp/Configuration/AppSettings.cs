using Npgsql;
using StackExchange.Redis;

namespace DemoApp.Configuration;

/// <summary>Everything the app reads from its environment, validated once at startup.</summary>
internal sealed record AppSettings(
    string Version,
    string Release,
    NpgsqlConnectionStringBuilder Database,
    ConfigurationOptions Redis)
{
    public const string UnsetVersion = "dev";

    /// <summary>Reads each variable through <paramref name="read"/> (tests pass a dictionary).</summary>
    public static AppSettings FromEnvironment(Func<string, string?> read)
    {
        var database = DatabaseUrl.Parse(read(DatabaseUrl.Variable));
        var redis = RedisUrl.Parse(read(RedisUrl.Variable));

        return new AppSettings(
            OrDev(read("APP_VERSION")),
            OrDev(read("APP_RELEASE")),
            database,
            redis);
    }

    /// <summary>The values that must never appear in a log line or a response.</summary>
    public IReadOnlyList<string> Secrets =>
        new[] { Database.Password, Redis.Password }
            .Where(secret => !string.IsNullOrEmpty(secret))
            .Select(secret => secret!)
            .ToArray();

    private static string OrDev(string? value)
    {
        return string.IsNullOrWhiteSpace(value) ? UnsetVersion : value.Trim();
    }
}
