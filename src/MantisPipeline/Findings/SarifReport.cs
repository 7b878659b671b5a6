using System.Text.Json;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Findings;

/// <summary>
/// Writes findings as SARIF 2.1.0 for GitHub code scanning: relative URIs, one entry per
/// rule, partial fingerprints.
/// </summary>
public static class SarifReport
{
    private const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Write(IEnumerable<Finding> findings, string repoRoot, string path)
    {
        var text = SecretMasker.Apply(Format(findings, repoRoot));
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, text);
    }

    public static string Format(IEnumerable<Finding> findings, string repoRoot)
    {
        var list = findings.ToList();
        var rules = list.GroupBy(f => f.RuleId).Select(g => g.First()).ToList();
        var index = rules.Select((r, i) => (r.RuleId, i)).ToDictionary(p => p.RuleId, p => p.i);

        var log = new Dictionary<string, object>
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["tool"] = new { driver = new { name = "MantisPipeline", rules = rules.Select(Rule) } },
                    ["originalUriBaseIds"] = new Dictionary<string, object>
                    {
                        ["%SRCROOT%"] = new { uri = RootUri(repoRoot) },
                    },
                    ["results"] = list.Select(f => Result(f, index[f.RuleId], repoRoot)),
                },
            },
        };

        return JsonSerializer.Serialize(log, Json);
    }

    private static string RootUri(string repoRoot) =>
        new Uri(Path.GetFullPath(repoRoot) + Path.DirectorySeparatorChar).AbsoluteUri;

    private static object Rule(Finding sample) => new Dictionary<string, object>
    {
        ["id"] = sample.RuleId,
        ["name"] = Pascal(sample.RuleId),
        ["shortDescription"] = new { text = sample.Title },
        ["help"] = new { text = sample.Remedy },
        ["defaultConfiguration"] = new { level = Level(sample.Severity) },
        ["properties"] = new Dictionary<string, object>
        {
            ["security-severity"] = SecuritySeverity(sample.Severity),
            ["tags"] = new[] { "security", "configuration" },
        },
    };

    private static object Result(Finding finding, int ruleIndex, string repoRoot) => new Dictionary<string, object>
    {
        ["ruleId"] = finding.RuleId,
        ["ruleIndex"] = ruleIndex,
        ["level"] = Level(finding.Severity),
        ["message"] = new { text = $"{finding.Message ?? finding.Title} Fix: {finding.Remedy}" },
        ["locations"] = new[]
        {
            new
            {
                physicalLocation = new
                {
                    artifactLocation = new { uri = RelativeUri(finding.Path, repoRoot), uriBaseId = "%SRCROOT%" },
                    region = new { startLine = Math.Max(1, finding.Line) },
                },
            },
        },
        ["partialFingerprints"] = new Dictionary<string, string> { ["mantisFingerprint/v1"] = finding.Fingerprint },
    };

    /// <summary>Code scanning matches results to files by repository-relative, forward-slash URIs.</summary>
    public static string RelativeUri(string path, string repoRoot)
    {
        var relative = Path.IsPathRooted(path) ? Path.GetRelativePath(repoRoot, path) : path;
        var segments = relative.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString);
        return string.Join('/', segments);
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.0",
        _ => "2.0",
    };

    private static string Pascal(string ruleId) =>
        string.Concat(ruleId.Split('/', '-', '_', '.')
            .Where(p => p.Length > 0)
            .Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
