namespace MantisPipeline.Findings;

/// <summary>
/// Evidence a report may show, for secret scan and audit alike: the context before a secret
/// and at most its first characters.
/// </summary>
public static class Redaction
{
    public const string Mask = "****";

    // Shorter secrets show no characters at all: four characters of an eight-character
    // password give away half of it.
    private const int ShownCharacters = 4;
    private const int MinimumLengthToShowPrefix = 16;
    private const int ContextLength = 40;

    public static string Redact(string secret)
    {
        return secret.Length >= MinimumLengthToShowPrefix ? Printable(secret[..ShownCharacters]) + Mask : Mask;
    }

    /// <summary>The text just before the secret (a key name, a URL's user) and the redacted secret.</summary>
    public static string Evidence(string context, string secret)
    {
        var start = Math.Max(0, context.Length - ContextLength);
        return Printable(context[start..]).TrimStart() + Redact(secret);
    }

    private static string Printable(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
