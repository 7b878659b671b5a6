using System.Text.RegularExpressions;

namespace MantisPipeline.Audit.Text;

/// <summary>A database or Redis URL found in text, split into the parts the rules judge.</summary>
public sealed record ServiceUrl(string Scheme, string Host, string? User, string? Password, string Query, int Column)
{
    public string? QueryValue(string name)
    {
        foreach (var pair in Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts[0].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
            }
        }

        return null;
    }
}

public static partial class ServiceUrls
{
    public static IEnumerable<ServiceUrl> Postgres(string line) => Find(PostgresUrl(), line);

    public static IEnumerable<ServiceUrl> Redis(string line) => Find(RedisUrl(), line);

    public static ServiceUrl? Parse(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        return Find(PostgresUrl(), url).Concat(Find(RedisUrl(), url)).FirstOrDefault();
    }

    private static IEnumerable<ServiceUrl> Find(Regex regex, string line)
    {
        foreach (Match match in regex.Matches(line))
        {
            var user = match.Groups["user"].Success ? match.Groups["user"].Value : null;
            var password = match.Groups["password"].Success ? match.Groups["password"].Value : null;
            yield return new ServiceUrl(
                match.Groups["scheme"].Value.ToLowerInvariant(),
                match.Groups["host"].Value,
                user,
                string.IsNullOrEmpty(password) ? null : password,
                match.Groups["query"].Value,
                match.Index);
        }
    }

    [GeneratedRegex(
        @"(?<scheme>postgres(?:ql)?)://(?:(?<user>[^:@/\s'""`]*)(?::(?<password>[^@/\s'""`]*))?@)?" +
        @"(?<host>\[[^\]]+\]|[^:/?\s'""`,;)]*)(?::[^/?\s'""`]*)?(?:/[^?\s'""`]*)?" +
        @"(?:\?(?<query>[^\s'""`]*))?",
        RegexOptions.IgnoreCase)]
    private static partial Regex PostgresUrl();

    [GeneratedRegex(
        @"(?<scheme>rediss?)://(?:(?<user>[^:@/\s'""`]*)(?::(?<password>[^@/\s'""`]*))?@)?" +
        @"(?<host>\[[^\]]+\]|[^:/?\s'""`,;)]*)(?::[^/?\s'""`]*)?(?:/[^?\s'""`]*)?" +
        @"(?:\?(?<query>[^\s'""`]*))?",
        RegexOptions.IgnoreCase)]
    private static partial Regex RedisUrl();
}
