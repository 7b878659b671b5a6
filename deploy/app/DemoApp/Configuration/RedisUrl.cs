using StackExchange.Redis;

namespace DemoApp.Configuration;

/// <summary>Turns REDIS_URL into StackExchange.Redis options that fail fast, never hang.</summary>
internal static class RedisUrl
{
    public const string Variable = "REDIS_URL";

    public const string ExpectedForm = "redis://:PASSWORD@HOST:PORT (or rediss:// for TLS)";

    private static readonly string[] Schemes = ["redis", "rediss"];

    public static ConfigurationOptions Parse(string? value)
    {
        var url = ServiceUrl.Parse(Variable, value, Schemes, ExpectedForm);

        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            ConnectTimeout = 1500,
            SyncTimeout = 2000,
            AsyncTimeout = 2000,
            ConnectRetry = 1,

            // A command sent while disconnected fails at once with the reason (refused,
            // wrong password) instead of waiting in a backlog until its timeout.
            BacklogPolicy = BacklogPolicy.FailFast,
            ClientName = "mantis-notes",
            Ssl = url.Scheme == "rediss",
            User = string.IsNullOrEmpty(url.User) ? null : url.User,
            Password = string.IsNullOrEmpty(url.Password) ? null : url.Password,
            DefaultDatabase = ParseDatabase(url.Path),
        };

        options.EndPoints.Add(url.Host, url.Port);
        if (options.Ssl)
        {
            options.SslHost = url.Host;
        }

        if (url.Query.Count > 0)
        {
            throw Error("has query parameters, which are not supported");
        }

        return options;
    }

    private static int? ParseDatabase(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        if (int.TryParse(path, out var database) && database >= 0)
        {
            return database;
        }

        throw Error("has a path that is not a database number");
    }

    private static ConfigurationException Error(string problem)
    {
        return new ConfigurationException(
            $"{Variable} {problem}. Set it to a URL of the form {ExpectedForm}.");
    }
}
