using System.Globalization;

namespace DemoApp.Configuration;

/// <summary>The parts of a service URL such as DATABASE_URL, percent-decoded.</summary>
internal sealed record ServiceUrl(
    string Scheme,
    string? User,
    string? Password,
    string Host,
    int Port,
    string Path,
    IReadOnlyDictionary<string, string> Query)
{
    /// <summary>Splits the URL; every error names the variable and the expected form.</summary>
    public static ServiceUrl Parse(
        string variable,
        string? value,
        IReadOnlyCollection<string> schemes,
        string expectedForm)
    {
        var parser = new Parser(variable, expectedForm);

        if (string.IsNullOrWhiteSpace(value))
        {
            throw parser.Error("is not set");
        }

        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 ? value[..schemeEnd].ToLowerInvariant() : "";
        if (!schemes.Contains(scheme))
        {
            var prefixes = string.Join(" or ", schemes.Select(known => known + "://"));
            throw parser.Error($"must start with {prefixes}");
        }

        var rest = value[(schemeEnd + 3)..];
        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var tail = authorityEnd < 0 ? "" : rest[authorityEnd..];

        var (user, password, hostPort) = parser.SplitUserInfo(authority);
        var (host, port) = parser.SplitHostPort(hostPort);
        var (path, query) = parser.SplitPathQuery(tail);

        return new ServiceUrl(scheme, user, password, host, port, path, query);
    }

    private sealed class Parser(string variable, string expectedForm)
    {
        public ConfigurationException Error(string problem)
        {
            return new ConfigurationException(
                $"{variable} {problem}. Set it to a URL of the form {expectedForm}, "
                + "percent-encoding special characters in the user and password.");
        }

        public (string? User, string? Password, string HostPort) SplitUserInfo(string authority)
        {
            var at = authority.LastIndexOf('@');
            if (at < 0)
            {
                return (null, null, authority);
            }

            var userInfo = authority[..at];
            var colon = userInfo.IndexOf(':');
            var user = Decode(colon < 0 ? userInfo : userInfo[..colon]);
            var password = colon < 0 ? null : Decode(userInfo[(colon + 1)..]);

            return (user, password, authority[(at + 1)..]);
        }

        public (string Host, int Port) SplitHostPort(string hostPort)
        {
            // A bracketed IPv6 literal holds colons of its own, so the port follows the bracket.
            var bracketEnd = hostPort.IndexOf("]:", StringComparison.Ordinal);
            var portColon = hostPort.StartsWith('[')
                ? (bracketEnd < 0 ? -1 : bracketEnd + 1)
                : hostPort.LastIndexOf(':');

            if (portColon < 0)
            {
                throw Error("has no port");
            }

            var host = hostPort[..portColon].Trim('[', ']');
            if (host.Length == 0)
            {
                throw Error("has no host");
            }

            var portText = hostPort[(portColon + 1)..];
            var isNumber = int.TryParse(
                portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port);

            if (!isNumber || port is < 1 or > 65535)
            {
                throw Error("has a port that is not a number from 1 to 65535");
            }

            return (host, port);
        }

        public (string Path, IReadOnlyDictionary<string, string> Query) SplitPathQuery(string tail)
        {
            var hash = tail.IndexOf('#');
            if (hash >= 0)
            {
                tail = tail[..hash];
            }

            var question = tail.IndexOf('?');
            var path = question < 0 ? tail : tail[..question];
            var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

            var pairs = question < 0
                ? []
                : tail[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries);
            foreach (var pair in pairs)
            {
                var equals = pair.IndexOf('=');
                var key = equals < 0 ? pair : pair[..equals];
                var text = equals < 0 ? "" : pair[(equals + 1)..];
                query[Decode(key)] = Decode(text);
            }

            return (Decode(path.TrimStart('/')), query);
        }

        // Malformed escapes such as "%zz" stay as typed, like most URL libraries leave them.
        private static string Decode(string part)
        {
            return Uri.UnescapeDataString(part);
        }
    }
}
