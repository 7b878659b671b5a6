using Npgsql;

namespace DemoApp.Configuration;

/// <summary>Turns DATABASE_URL into an Npgsql connection string sized for serverless Postgres.</summary>
internal static class DatabaseUrl
{
    public const string Variable = "DATABASE_URL";

    public const string ExpectedForm = "postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=require";

    // A serverless database counts connections and wakes on demand: hold none while idle,
    // few at peak, and bound every statement and every forgotten transaction.
    private const string SessionOptions =
        "-c statement_timeout=5000 -c idle_in_transaction_session_timeout=10000";

    private static readonly string[] Schemes = ["postgres", "postgresql"];

    public static NpgsqlConnectionStringBuilder Parse(string? value)
    {
        var url = ServiceUrl.Parse(Variable, value, Schemes, ExpectedForm);

        if (string.IsNullOrEmpty(url.User))
        {
            throw Error("has no user");
        }

        if (url.Path.Length == 0)
        {
            throw Error("has no database name after the port");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.Port,
            Database = url.Path,
            Username = url.User,
            Password = url.Password,
            MinPoolSize = 0,
            MaxPoolSize = 10,
            ConnectionIdleLifetime = 15,
            Timeout = 5,
            Options = SessionOptions,
            ApplicationName = "mantis-notes",
        };

        ApplyQuery(builder, url.Query);
        return builder;
    }

    private static void ApplyQuery(
        NpgsqlConnectionStringBuilder builder,
        IReadOnlyDictionary<string, string> query)
    {
        foreach (var (key, text) in query)
        {
            switch (key.ToLowerInvariant())
            {
                case "sslmode":
                    builder.SslMode = ParseEnum<SslMode>(key, text);
                    break;

                case "channel_binding":
                    builder.ChannelBinding = ParseEnum<ChannelBinding>(key, text);
                    break;

                case "application_name":
                    builder.ApplicationName = text;
                    break;

                default:
                    throw Error(
                        $"has the unsupported parameter '{key}' (supported: sslmode, "
                        + "channel_binding, application_name)");
            }
        }
    }

    private static TEnum ParseEnum<TEnum>(string key, string text)
        where TEnum : struct, Enum
    {
        var name = text.Replace("-", "", StringComparison.Ordinal);
        var isName = !int.TryParse(name, out _);
        if (isName && Enum.TryParse<TEnum>(name, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        throw Error($"has an unknown {key} value '{text}'");
    }

    private static ConfigurationException Error(string problem)
    {
        return new ConfigurationException(
            $"{Variable} {problem}. Set it to a URL of the form {ExpectedForm}.");
    }
}
