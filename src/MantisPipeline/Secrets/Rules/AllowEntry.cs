using System.Text;
using System.Text.RegularExpressions;

namespace MantisPipeline.Secrets.Rules;

/// <summary>
/// A reason a match is not a finding (placeholder, reference, example key, public token). It
/// applies when every part it names matches: the secret's value, the whole match, the file
/// path, and for a JWT-shaped value its decoded payload.
/// </summary>
public sealed record AllowEntry(string Description, Regex? Value, Regex? Match, Regex? Path, Regex? Payload = null)
{
    public bool Allows(string secret, string match, string path)
    {
        return (Value is null || Value.IsMatch(secret))
            && (Match is null || Match.IsMatch(match))
            && (Path is null || Path.IsMatch(path))
            && (Payload is null || Payload.IsMatch(DecodedPayload(secret)));
    }

    // The second dot-separated part, base64url-decoded; empty when it is not one.
    private static string DecodedPayload(string token)
    {
        var parts = token.Split('.');
        if (parts.Length < 2)
        {
            return "";
        }

        var base64 = parts[1].Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written)
            ? Encoding.UTF8.GetString(bytes, 0, written)
            : "";
    }
}
