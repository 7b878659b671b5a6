using System.Security.Cryptography;
using System.Text;
using MantisPipeline.Audit.Repository;
using MantisPipeline.Audit.Text;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Rules;

/// <summary>One kind of configuration mistake: its id, title, severity and the usual fix.</summary>
public sealed record AuditRule(string Id, string Title, Severity Severity, string Remedy)
{
    /// <summary>
    /// A finding at a place. The subject names what was found without its value (a key, a
    /// literal address), so that the fingerprint survives moved lines and holds no secret.
    /// </summary>
    internal Finding At(
        AuditedFile file, int line, string message, string evidence, string subject, string? secret = null)
    {
        if (secret is { Length: > 0 })
        {
            evidence = evidence.Replace(secret, Redactor.Redact(secret), StringComparison.Ordinal);
        }

        var finding = new Finding(
            Id,
            Title,
            Severity,
            file.Path,
            Math.Max(1, line),
            Redactor.RedactLine(evidence),
            Fingerprint(file.Path, subject),
            Remedy)
        {
            Message = Redactor.RedactLine(message),
        };

        return file.Commit is { } commit
            ? finding with { Commit = commit.Sha, Author = commit.Author, Date = commit.Date }
            : finding;
    }

    private string Fingerprint(string path, string subject)
    {
        var text = $"{Id}\n{path}\n{subject}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
    }
}
