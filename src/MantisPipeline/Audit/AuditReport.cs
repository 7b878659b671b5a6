using System.Text.Encodings.Web;
using System.Text.Json;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Findings;
using MantisPipeline.Gates;

namespace MantisPipeline.Audit;

/// <summary>Prints an audit as a table grouped by rule and writes it as JSON; both redacted.</summary>
public static class AuditReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(AuditResult result)
    {
        foreach (var line in FormatTable(result))
        {
            Log.Information(line);
        }

        foreach (var group in result.Findings.GroupBy(f => f.RuleId))
        {
            Log.Information("");
            Log.Information($"{group.Key} ({group.First().Title}, {Word(group.First().Severity)}):");
            foreach (var finding in group)
            {
                Log.Information($"  {finding.Path}:{finding.Line}  {finding.Message ?? finding.Title}");
                Log.Information($"    {finding.Evidence}");
            }

            Log.Information($"  Fix: {group.First().Remedy}");
        }

        foreach (var expired in result.Expired)
        {
            Log.Warning($"The baseline's acceptance of {expired.Finding.RuleId} at " +
                $"{expired.Finding.Path}:{expired.Finding.Line} expired on {expired.Entry.Expires:yyyy-MM-dd}.");
        }

        foreach (var stale in result.Stale)
        {
            Log.Warning($"The baseline entry {stale.Fingerprint} ({stale.RuleId ?? "no rule"}) matches " +
                "no finding any more; remove it.");
        }

        WriteVerdict(result);
    }

    public static IReadOnlyList<string> FormatTable(AuditResult result)
    {
        var accepted = result.Accepted.GroupBy(a => a.Finding.RuleId).ToDictionary(g => g.Key, g => g.Count());
        var rules = result.Findings.Select(f => (f.RuleId, f.Title, f.Severity))
            .Concat(result.Accepted.Select(a => (a.Finding.RuleId, a.Finding.Title, a.Finding.Severity)))
            .Distinct()
            .OrderByDescending(r => r.Severity).ThenBy(r => r.RuleId, StringComparer.Ordinal);

        var rows = rules.Select(r => new[]
        {
            r.RuleId,
            Word(r.Severity),
            result.Findings.Count(f => f.RuleId == r.RuleId).ToString(),
            accepted.GetValueOrDefault(r.RuleId).ToString(),
            r.Title,
        }).ToList();

        return TextTable.Format(["Rule", "Severity", "Findings", "Accepted", "Title"], rows);
    }

    public static void WriteJson(AuditResult result, string path)
    {
        var document = new
        {
            repository = result.RepositoryPath,
            environment = result.EnvironmentName,
            failAt = result.FailAt is { } s ? Word(s) : "never",
            failed = result.Failed,
            filesAudited = result.FilesAudited,
            counts = result.Counts,
            findings = result.Findings.Select(Describe),
            accepted = result.Accepted.Select(Describe),
            expired = result.Expired.Select(Describe),
            stale = result.Stale.Select(e => new { e.Fingerprint, rule = e.RuleId, e.Path, e.Reason }),
        };

        WriteFile(path, JsonSerializer.Serialize(document, Json));
    }

    internal static void WriteFile(string path, string text)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, SecretMasker.Apply(text));
    }

    private static object Describe(AcceptedFinding accepted) => new
    {
        finding = Describe(accepted.Finding),
        reason = accepted.Entry.Reason,
        expires = accepted.Entry.Expires.ToString("yyyy-MM-dd"),
    };

    private static object Describe(Finding f) => new
    {
        rule = f.RuleId,
        f.Title,
        severity = Word(f.Severity),
        f.Path,
        f.Line,
        f.Message,
        f.Evidence,
        f.Remedy,
        f.Fingerprint,
        f.Commit,
        f.Author,
        f.Date,
    };

    private static void WriteVerdict(AuditResult result)
    {
        var summary = $"AuditConfig: {result.Findings.Count} finding(s) in {result.FilesAudited} files, " +
            $"{result.Accepted.Count} accepted by the baseline, for '{result.EnvironmentName}'";
        if (result.Failed)
        {
            Log.Error($"{summary}; findings at {Word(result.FailAt!.Value)} or above fail this environment.");
        }
        else
        {
            Log.Information($"{summary}; nothing at or above the environment's threshold.");
        }
    }

    public static string Word(Severity severity) => severity.ToString().ToLowerInvariant();
}
