using System.Text.RegularExpressions;
using MantisPipeline.Audit.Repository;

namespace MantisPipeline.Audit.Text;

/// <summary>Finds the first line of a file that holds a credential: a secret value, a URL password, a key.</summary>
public static partial class SecretContent
{
    private const int MinimumValueLength = 8;

    public static int? FirstSecretLine(AuditedFile file)
    {
        foreach (var (number, text) in file.NumberedLines())
        {
            if (HoldsSecret(file, number, text))
            {
                return number;
            }
        }

        return null;
    }

    private static bool HoldsSecret(AuditedFile file, int number, string text)
    {
        if (KnownToken().IsMatch(text) || text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return true;
        }

        var urlPassword = ServiceUrls.Postgres(text).Concat(ServiceUrls.Redis(text))
            .Any(u => u.Password is { } p && !SecretNames.IsReference(p));
        var secretValue = Settings.In(new AuditedFile(file.Path, text, file.Origin))
            .Any(s => SecretNames.IsSecretKey(s.Key) && !SecretNames.IsReference(s.Value)
                && s.Value.Length >= MinimumValueLength);
        return urlPassword || secretValue;
    }

    [GeneratedRegex(
        @"\b(?:sk-[A-Za-z0-9_-]{20,}|sk_live_[A-Za-z0-9]{16,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{20,}|" +
        @"xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{30,}|" +
        @"npm_[A-Za-z0-9]{30,}|glpat-[\w-]{20,})")]
    private static partial Regex KnownToken();
}
