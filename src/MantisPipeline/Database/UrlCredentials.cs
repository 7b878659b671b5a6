using System.Text.RegularExpressions;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Database;

/// <summary>
/// Finds the user name and password in a database URL even when the password holds unencoded
/// '@', ':', '/', '?' or '#', which a URI parser splits in the wrong place.
/// </summary>
internal static partial class UrlCredentials
{
    /// <summary>
    /// The URL with its password replaced by ****. When no host can be told apart, everything
    /// after scheme:// up to the last '@' (or all of it, without an '@') is replaced instead.
    /// </summary>
    /// <remarks>
    /// Known limit: an '@' in the path or query, after the host, is taken for the end of the
    /// user info, so the host is hidden too; the password never shows.
    /// </remarks>
    public static string Redact(string url)
    {
        var start = AuthorityStart(url);
        if (UserInfoEnd(url, start) is int at)
        {
            var colon = url.IndexOf(':', start, at - start);
            return colon < 0 ? url : url[..(colon + 1)] + SecretMasker.Mask + url[at..];
        }

        var lastAt = url.LastIndexOf('@');
        if (lastAt >= start)
        {
            return url[..start] + SecretMasker.Mask + url[lastAt..];
        }

        var parsable = start == 0 || HostPart().IsMatch(url.AsSpan(start));
        return parsable ? url : url[..start] + SecretMasker.Mask;
    }

    /// <summary>The scheme alone, for a URL whose user info cannot be told from its host.</summary>
    public static string RedactAllButScheme(string url) =>
        url[..AuthorityStart(url)] + SecretMasker.Mask;

    /// <summary>
    /// True when a URI parser reads the same user info as a person does: there is none, or it
    /// ends at an '@' before a host and holds no unencoded '@', '/', '?' or '#'.
    /// </summary>
    public static bool AreUnambiguous(string url)
    {
        var start = AuthorityStart(url);
        if (url.IndexOf('@', start) < 0)
        {
            return true;
        }

        return UserInfoEnd(url, start) is int at &&
            url.IndexOfAny(['@', '/', '?', '#'], start, at - start) < 0;
    }

    private static int AuthorityStart(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        return schemeEnd < 0 ? 0 : schemeEnd + 3;
    }

    // The last '@' that a well-formed host follows: a password may hold '@' followed by text
    // that looks like a host, but the real host comes after every character of the password.
    private static int? UserInfoEnd(string url, int start)
    {
        var at = url.LastIndexOf('@');
        while (at >= start)
        {
            if (HostPart().IsMatch(url.AsSpan(at + 1)))
            {
                return at;
            }

            at = at == 0 ? -1 : url.LastIndexOf('@', at - 1);
        }

        return null;
    }

    // One or more host[:port], comma-separated as libpq allows, then the end, a path or a query.
    [GeneratedRegex(
        @"^(?:\[[0-9A-Za-z:.%]+\]|[A-Za-z0-9._~%-]+)(?::[0-9]+)?" +
        @"(?:,(?:\[[0-9A-Za-z:.%]+\]|[A-Za-z0-9._~%-]+)(?::[0-9]+)?)*(?:[/?#]|$)")]
    private static partial Regex HostPart();
}
