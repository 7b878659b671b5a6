using System.Text.RegularExpressions;
using MantisPipeline.Audit.Repository;
using MantisPipeline.Audit.Text;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Rules;

/// <summary>Finds remote database URLs without TLS and code that switches certificate checks off.</summary>
internal sealed partial class DatabaseTlsCheck : IAuditCheck
{
    private static readonly HashSet<string> StrongModes = ["require", "verify-ca", "verify-full"];

    public IEnumerable<Finding> Check(AuditInput input)
    {
        foreach (var file in input.LiveFiles.Where(f => f.Kind is not (FileKind.Docs or FileKind.Other)))
        {
            foreach (var (number, text) in file.NumberedLines())
            {
                if (file.IsInContainer(number))
                {
                    continue;
                }

                foreach (var finding in UrlsWithoutTls(file, number, text).Concat(ChecksOff(file, number, text)))
                {
                    yield return finding;
                }
            }
        }

        if (ServiceUrls.Parse(input.Context.DatabaseUrl) is { Scheme: "postgres" or "postgresql" } url
            && Weak(url) is { } mode)
        {
            var message = $"The environment's database URL reaches {url.Host} with {mode}, so " +
                "credentials and data cross the network in clear text.";
            yield return AuditRules.DatabaseTls.At(
                input.EnvironmentFile, 1, message, "database URL (redacted)", "environment-url");
        }
    }

    private static IEnumerable<Finding> UrlsWithoutTls(AuditedFile file, int number, string text)
    {
        foreach (var url in ServiceUrls.Postgres(text))
        {
            if (Weak(url) is { } mode)
            {
                var message = $"The database URL for {url.Host} has {mode}, so credentials and data " +
                    "cross the network in clear text.";
                yield return AuditRules.DatabaseTls.At(file, number, message, text.Trim(), $"url:{url.Host}");
            }
        }

        if (NpgsqlSslOff().Match(text) is { Success: true } off && NpgsqlHost().Match(text) is { Success: true } host
            && Addresses.IsRemote(host.Groups["host"].Value))
        {
            var message = $"The connection string for {host.Groups["host"].Value} sets " +
                $"{off.Value.Trim()}, so data crosses the network in clear text.";
            yield return AuditRules.DatabaseTls.At(
                file, number, message, text.Trim(), $"cs:{host.Groups["host"].Value}");
        }
    }

    private static IEnumerable<Finding> ChecksOff(AuditedFile file, int number, string text)
    {
        if (CertificateChecksOff().Match(text) is { Success: true } match)
        {
            var message = $"'{match.Value.Trim()}' turns certificate verification off, so anyone on " +
                "the path can pose as the server.";
            yield return AuditRules.CertificateCheck.At(file, number, message, text.Trim(), match.Value.Trim());
        }
    }

    /// <summary>The weakness of a remote URL's TLS setting, or null when it is strong or local.</summary>
    private static string? Weak(ServiceUrl url)
    {
        if (!Addresses.IsRemote(url.Host))
        {
            return null;
        }

        var mode = url.QueryValue("sslmode")?.ToLowerInvariant();
        var ssl = url.QueryValue("ssl")?.ToLowerInvariant();
        if (mode is not null && StrongModes.Contains(mode) || (mode is null && ssl is "true" or "1"))
        {
            return null;
        }

        return mode is null ? "no sslmode" : $"sslmode={mode}";
    }

    [GeneratedRegex(
        @"rejectUnauthorized\s*:\s*false|NODE_TLS_REJECT_UNAUTHORIZED\s*[=:]\s*['""]?0|" +
        @"Trust\s?Server\s?Certificate\s*=\s*true|sslmode=no[-]verify|InsecureSkipVerify\s*:\s*true|" +
        @"DangerousAcceptAny[S]erverCertificateValidator|ServerCertificateCustomValidationCallback\s*=[^;]*=>\s*true|" +
        @"\bverify\s*=\s*False\b|CERT[_]NONE|ssl_cert_reqs\s*=\s*['""]?none",
        RegexOptions.IgnoreCase)]
    private static partial Regex CertificateChecksOff();

    [GeneratedRegex(@"(?i)ssl\s?mode\s*=\s*(?:disable|allow|prefer)")]
    private static partial Regex NpgsqlSslOff();

    [GeneratedRegex(@"(?i)(?:^|[;""'\s])(?:host|server)\s*=\s*(?<host>[^;""'\s]+)")]
    private static partial Regex NpgsqlHost();
}
