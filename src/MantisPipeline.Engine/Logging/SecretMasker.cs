namespace MantisPipeline.Engine.Logging;

/// <summary>Replaces every registered secret value with a mask before text reaches any sink.</summary>
public static class SecretMasker
{
    public const string Mask = "****";

    // Values shorter than this would mask ordinary words and digits all over the output.
    private const int MinimumLength = 4;

    private static readonly object Gate = new();
    private static string[] _secrets = [];

    public static void Register(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinimumLength)
        {
            return;
        }

        lock (Gate)
        {
            if (_secrets.Contains(secret))
            {
                return;
            }

            // Longest first, so that a secret containing another is masked whole.
            _secrets = _secrets.Append(secret).OrderByDescending(s => s.Length).ToArray();
        }
    }

    public static string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
