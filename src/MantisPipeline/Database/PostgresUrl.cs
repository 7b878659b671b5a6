using MantisPipeline.Engine.Logging;
using Npgsql;

namespace MantisPipeline.Database;

/// <summary>
/// Reads the `postgres://user:password@host:port/database?sslmode=...` URLs that environments
/// and hosting providers give, and turns them into Npgsql connection strings.
/// </summary>
public static class PostgresUrl
{
    private const int DefaultPort = 5432;

    private static readonly string[] Schemes = ["postgres", "postgresql"];

    // libpq option names that Npgsql spells differently; anything else is passed to Npgsql as is.
    private static readonly Dictionary<string, string> LibpqOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
    };

    private static readonly Dictionary<string, string> SslModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["disable"] = "Disable",
        ["allow"] = "Allow",
        ["prefer"] = "Prefer",
        ["require"] = "Require",
        ["verify-ca"] = "VerifyCA",
        ["verify-full"] = "VerifyFull",
    };

    /// <summary>
    /// The Npgsql connection string for the URL. The password is registered with the secret
    /// masker; the database defaults to the user name, as libpq does.
    /// </summary>
    public static string ToConnectionString(string url)
    {
        var uri = ParseUri(url);
        var (user, password) = UserInfo(uri);
        SecretMasker.Register(password);

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
            Username = user,
            Password = password,
            Database = DatabaseName(uri) ?? user,
        };
        ApplyOptions(builder, uri.Query, Redacted(url));
        return builder.ConnectionString;
    }

    /// <summary>The URL with its password replaced by ****, safe for logs and errors.</summary>
    public static string Redacted(string url) => UrlCredentials.Redact(url);

    /// <summary>A redacted URL naming where a connection string points, for messages.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var password = string.IsNullOrEmpty(builder.Password) ? "" : ":" + SecretMasker.Mask;
        return $"postgres://{builder.Username}{password}@{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static Uri ParseUri(string url)
    {
        var scheme = url.Split("://", 2)[0];
        var unambiguous = UrlCredentials.AreUnambiguous(url);
        if (!Schemes.Contains(scheme, StringComparer.OrdinalIgnoreCase) || !unambiguous ||
            !Uri.TryCreate(url, UriKind.Absolute, out var uri) ||
            string.IsNullOrEmpty(uri.Host))
        {
            // Where the user info cannot be told apart, any part after the scheme may be password.
            var shown = unambiguous ? Redacted(url) : UrlCredentials.RedactAllButScheme(url);
            throw new PipelineException(
                $"The database URL {shown} is not a PostgreSQL URL. Write it as " +
                "postgres://user:password@host:5432/database?sslmode=require, and " +
                "percent-encode any @, :, /, ? or # in the user name or password (%40, %3A, " +
                "%2F, %3F, %23).");
        }

        return uri;
    }

    private static (string User, string? Password) UserInfo(Uri uri)
    {
        var parts = uri.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(parts[0]);
        if (user.Length == 0)
        {
            throw new PipelineException(
                $"The database URL for {uri.Host}:{uri.Port} names no user. Put the user " +
                "before the host: postgres://user:password@host:5432/database.");
        }

        return (user, parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : null);
    }

    private static string? DatabaseName(Uri uri)
    {
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return path.Length == 0 ? null : path;
    }

    private static void ApplyOptions(NpgsqlConnectionStringBuilder builder, string query, string shown)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0]);
            var value = parts.Length == 2 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
            ApplyOption(builder, name, value, shown);
        }
    }

    private static void ApplyOption(
        NpgsqlConnectionStringBuilder builder, string name, string value, string shown)
    {
        var keyword = LibpqOptions.GetValueOrDefault(name, name);
        if (keyword == "SSL Mode")
        {
            value = SslModes.GetValueOrDefault(value, value);
        }

        try
        {
            builder[keyword] = value;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new PipelineException(
                $"The database URL {shown} has the option {name}={value}, which Npgsql does not " +
                "accept. Use libpq options (sslmode, connect_timeout, application_name, options) " +
                "or Npgsql connection string keywords, or remove it.", e);
        }
    }
}
