using MantisPipeline.Audit.Repository;
using MantisPipeline.Audit.Text;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Rules;

/// <summary>Finds env lookups that fall back to a literal host, IP, URL or service port.</summary>
internal sealed class EndpointFallbackCheck : IAuditCheck
{
    private static readonly string[] HostWords = ["HOST", "URL", "URI", "ADDR", "ENDPOINT", "SERVER", "DSN"];

    private static readonly string[] ServiceWords =
    [
        "DB", "DATABASE", "PG", "POSTGRES", "MYSQL", "REDIS", "MONGO", "CACHE", "SMTP", "AMQP",
        "RABBIT", "ELASTIC", "KAFKA",
    ];

    public IEnumerable<Finding> Check(AuditInput input)
    {
        var files = input.LiveFiles.Where(f => f.Kind is FileKind.Code or FileKind.Script or FileKind.Compose);
        foreach (var file in files)
        {
            foreach (var (number, text) in file.NumberedLines())
            {
                if (file.IsInContainer(number))
                {
                    continue;
                }

                foreach (var fallback in EnvFallbacks.In(text).Where(IsEndpoint))
                {
                    var message = $"{fallback.Variable} falls back to '{fallback.Literal}' when it is " +
                        "not set, so a missing variable silently connects somewhere else.";
                    yield return AuditRules.EndpointFallback.At(
                        file, number, message, text.Trim(), $"{fallback.Variable}={fallback.Literal}");
                }
            }
        }
    }

    public static bool IsEndpoint(EnvFallback fallback)
    {
        var literal = fallback.Literal.Trim();
        var variable = fallback.Variable.ToUpperInvariant();
        if (literal.Length == 0 || SecretNames.IsSecretKey(fallback.Variable))
        {
            return false;
        }

        if (literal.Contains("://") || Addresses.IsIPv4(literal) || Addresses.IsLoopback(literal)
            || Addresses.IsHostAndPort(literal))
        {
            return true;
        }

        if (HostWords.Any(variable.Contains))
        {
            return Addresses.IsHostName(literal) || literal.All(c => char.IsLetterOrDigit(c) || c is '-' or '.');
        }

        return variable.Contains("PORT") && literal.All(char.IsDigit) && ServiceWords.Any(variable.Contains);
    }
}
