namespace MantisPipeline.Audit.Text;

/// <summary>Decides from a key's name whether its value is a secret, and for which purpose.</summary>
public static class SecretNames
{
    private static readonly string[] SecretWords =
    [
        "secret", "password", "passwd", "pwd", "token", "apikey", "privatekey", "accesskey",
        "credential",
    ];

    private static readonly string[] PurposeWords =
    [
        "jwt", "session", "cookie", "encryption", "encrypt", "signing", "hmac", "nextauth",
        "auth", "csrf",
    ];

    private static readonly string[] NotSecretSuffixes =
    [
        "file", "path", "name", "id", "url", "uri", "arn", "ref", "version", "type", "header",
        "expiry", "expiresin", "ttl", "timeout", "algorithm", "issuer", "audience", "mode",
        "method", "provider", "enabled", "length",
    ];

    public static string Normalize(string key) =>
        new(key.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>Any key whose value must not be printed: passwords, tokens, keys, secrets.</summary>
    public static bool IsSecretKey(string key)
    {
        var name = Normalize(key);
        if (NotSecretSuffixes.Any(name.EndsWith) || name.Contains("public") || name.Contains("publishable"))
        {
            return false;
        }

        return SecretWords.Any(name.Contains)
            || (name.EndsWith("key", StringComparison.Ordinal) && name.Length > 3);
    }

    /// <summary>Keys of signing and encryption secrets: JWT, session, cookie and the like.</summary>
    public static bool IsPurposeSecret(string key)
    {
        var name = Normalize(key);
        if (!IsSecretKey(key) || name.Contains("password") || name.Contains("apikey"))
        {
            return false;
        }

        return name.Contains("secret")
            || (PurposeWords.Any(name.Contains)
                && (name.EndsWith("key", StringComparison.Ordinal) || name.EndsWith("salt", StringComparison.Ordinal)));
    }

    /// <summary>A value that is a reference to somewhere else, not a secret in itself.</summary>
    public static bool IsReference(string value) =>
        value.Contains('$') || value.Contains("{{") || value.StartsWith('<') || value.StartsWith('%')
        || value.StartsWith("process.env", StringComparison.Ordinal)
        || value.StartsWith("env(", StringComparison.OrdinalIgnoreCase);
}
