using System.Net;
using System.Text.RegularExpressions;

namespace MantisPipeline.Audit.Text;

/// <summary>Recognises IP literals, host names and the ports of databases and caches.</summary>
public static partial class Addresses
{
    /// <summary>Ports of PostgreSQL, MySQL, Redis, MongoDB, Memcached, Elasticsearch and friends.</summary>
    public static readonly IReadOnlySet<int> ServicePorts = new HashSet<int>
    {
        5432, 6432, 3306, 6379, 6380, 27017, 11211, 9200, 5672, 1433, 26257, 9042, 8086,
    };

    public static IEnumerable<(string Literal, int Column)> IPv4Literals(string line)
    {
        foreach (Match match in IPv4().Matches(line))
        {
            if (IPAddress.TryParse(match.Value, out _) && match.Value.Split('.').All(o => int.Parse(o) <= 255))
            {
                yield return (match.Value, match.Index);
            }
        }
    }

    public static bool IsIPv4(string text) =>
        IPv4().Match(text) is { Success: true } m && m.Length == text.Length
        && IPAddress.TryParse(text, out _);

    public static bool IsLoopback(string host)
    {
        var bare = host.Trim('[', ']').ToLowerInvariant();
        return bare is "localhost" or "::1" or "ip6-localhost"
            || bare.EndsWith(".localhost", StringComparison.Ordinal)
            || bare.StartsWith("127.", StringComparison.Ordinal)
            || bare.StartsWith("::ffff:127.", StringComparison.Ordinal);
    }

    /// <summary>Addresses that name no machine: any-address binds, masks and broadcast.</summary>
    public static bool IsUnspecified(string ip) =>
        ip == "0.0.0.0" || ip.StartsWith("255.", StringComparison.Ordinal);

    /// <summary>A host that leaves the container's network: an IP or a dotted name, not a service name.</summary>
    public static bool IsRemote(string host) =>
        !IsLoopback(host) && !IsPlaceholder(host) && (IsIPv4(host) || host.Contains('.'));

    public static bool IsPlaceholder(string host) =>
        host.Length == 0 || host.Contains('$') || host.Contains('{') || host.Contains('<')
        || host.Equals("host", StringComparison.OrdinalIgnoreCase)
        || host.Equals("hostname", StringComparison.OrdinalIgnoreCase);

    public static bool IsHostName(string text) => HostName().IsMatch(text);

    public static bool IsHostAndPort(string text) => HostAndPort().IsMatch(text);

    /// <summary>Named host:port pairs on a service port, such as a database host name and 5432.</summary>
    public static IEnumerable<(string Literal, int Column)> ServiceHostPorts(string line)
    {
        foreach (Match match in NamedHostPort().Matches(line))
        {
            var host = match.Groups["host"].Value;
            var port = int.Parse(match.Groups["port"].Value);
            if (ServicePorts.Contains(port) && !IsLoopback(host) && !IsIPv4(host)
                && host.Any(char.IsLetter))
            {
                yield return (match.Value, match.Index);
            }
        }
    }

    [GeneratedRegex(@"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")]
    private static partial Regex IPv4();

    [GeneratedRegex(@"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex HostName();

    [GeneratedRegex(@"^[A-Za-z0-9.-]+:\d{2,5}$")]
    private static partial Regex HostAndPort();

    [GeneratedRegex(@"(?<![\w.@-])(?<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+):(?<port>\d{2,5})\b")]
    private static partial Regex NamedHostPort();
}
