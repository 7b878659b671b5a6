namespace DemoApp;

/// <summary>Removes the app's passwords from text about to leave the process.</summary>
/// <remarks>
/// Client libraries may echo their configuration in error messages, so every error text
/// passes through here before it reaches a response or a log.
/// </remarks>
internal sealed class SecretScrubber(IEnumerable<string> secrets)
{
    public const string Mask = "***";

    private const int MaximumLength = 300;

    // The encoded form too: a password travels percent-encoded inside URLs.
    private readonly string[] secrets = secrets
        .SelectMany(secret => new[] { secret, Uri.EscapeDataString(secret) })
        .Where(secret => secret.Length > 0)
        .Distinct()
        .OrderByDescending(secret => secret.Length)
        .ToArray();

    public string Scrub(string text)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        var lines = text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var oneLine = string.Join(' ', lines);
        return oneLine.Length <= MaximumLength ? oneLine : oneLine[..MaximumLength] + "...";
    }
}
