using System.Text.RegularExpressions;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Text;

/// <summary>Redacts every secret-looking value in a line of audited text.</summary>
public static partial class Redactor
{
    public const string Mask = Redaction.Mask;

    public static string Redact(string secret) => Redaction.Redact(secret);

    /// <summary>Redacts URL passwords, values of secret-named keys and long random tokens.</summary>
    public static string RedactLine(string line)
    {
        var text = SecretMasker.Apply(line);
        text = UrlPassword().Replace(text, m => m.Groups["head"].Value + Redact(m.Groups["secret"].Value) + "@");
        text = SecretAssignment().Replace(text, RedactAssignment);
        text = RedactFallbacks(text);
        return LongToken().Replace(text, m => LooksRandom(m.Value) ? Redact(m.Value) : m.Value);
    }

    private static string RedactFallbacks(string text)
    {
        foreach (var fallback in EnvFallbacks.In(text).Where(f => SecretNames.IsSecretKey(f.Variable)))
        {
            if (fallback.Literal.Length > 0 && !fallback.Literal.EndsWith(Mask, StringComparison.Ordinal))
            {
                text = text.Replace(fallback.Literal, Redact(fallback.Literal), StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static string RedactAssignment(Match match)
    {
        var key = match.Groups["key"].Value;
        var value = match.Groups["value"].Value;
        if (!SecretNames.IsSecretKey(key) || value.Length == 0 || value.EndsWith(Mask, StringComparison.Ordinal))
        {
            return match.Value;
        }

        return match.Value[..(match.Groups["value"].Index - match.Index)] + Redact(value);
    }

    private static bool LooksRandom(string token) =>
        token.Any(char.IsDigit) && token.Any(char.IsLetter) && !token.Contains('/')
        && !token.EndsWith(Mask, StringComparison.Ordinal);

    [GeneratedRegex(@"(?<head>[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*:)(?<secret>[^@\s/]+)@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(
        @"(?<key>[A-Za-z_][A-Za-z0-9_.-]*)[""']?\s*(?:=|:|=>)\s*[""'`]?(?<value>[^\s""'`,;}]+)")]
    private static partial Regex SecretAssignment();

    [GeneratedRegex(@"[A-Za-z0-9+_\-]{24,}={0,2}")]
    private static partial Regex LongToken();
}
