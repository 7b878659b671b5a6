using System.Text.Json;
using System.Text.Json.Serialization;
using MantisPipeline.Findings;

namespace MantisPipeline.Secrets.Baseline;

/// <summary>
/// Findings accepted on purpose, kept in a tracked file. It holds fingerprints, never a
/// secret, and no timestamps, so that writing it again for the same findings gives the same file.
/// </summary>
public sealed class SecretBaseline
{
    /// <summary>At the repository root, tracked, so that every clone and CI run shares it.</summary>
    public const string DefaultFileName = ".secrets-baseline.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Dictionary<string, BaselineEntry> _entries;

    private SecretBaseline(IEnumerable<BaselineEntry> entries)
    {
        _entries = entries.ToDictionary(entry => entry.Fingerprint, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<BaselineEntry> Entries => _entries.Values;

    public static SecretBaseline Empty { get; } = new([]);

    /// <summary>The baseline in the file, or an empty one when the file does not exist.</summary>
    public static SecretBaseline Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        try
        {
            var file = JsonSerializer.Deserialize<BaselineFile>(File.ReadAllText(path), Json);
            var entries = file?.Accepted ?? [];
            if (entries.Any(entry => string.IsNullOrWhiteSpace(entry.Fingerprint)))
            {
                throw new JsonException("an entry has no fingerprint");
            }

            return new SecretBaseline(entries.Select(entry => entry with { Reason = entry.Reason ?? "" }));
        }
        catch (JsonException exception)
        {
            throw new PipelineException($"The secrets baseline '{path}' cannot be read: {exception.Message}. " +
                "Fix the JSON (an `accepted` list of entries with a `fingerprint` and a `reason`), or " +
                "delete the file and write it again from a scan.", exception);
        }
    }

    /// <summary>Splits findings; stale entries are only judged after a whole-history scan.</summary>
    public BaselineJudgement Judge(IReadOnlyList<Finding> findings, bool complete)
    {
        var accepted = findings.Where(finding => _entries.ContainsKey(finding.Fingerprint)).ToList();
        var open = findings.Where(finding => !_entries.ContainsKey(finding.Fingerprint)).ToList();
        var found = findings.Select(finding => finding.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var stale = complete
            ? _entries.Values.Where(entry => !found.Contains(entry.Fingerprint)).OrderBy(e => e.Fingerprint).ToList()
            : [];
        return new BaselineJudgement(open, accepted, stale);
    }

    /// <summary>
    /// The baseline accepting these findings: entries already accepted keep their reason, new
    /// ones get the given reason, and entries for findings no longer found are dropped.
    /// </summary>
    public SecretBaseline Accept(IEnumerable<Finding> findings, string reason)
    {
        return new SecretBaseline(findings
            .DistinctBy(finding => finding.Fingerprint)
            .Select(finding => new BaselineEntry(
                finding.Fingerprint,
                finding.RuleId,
                finding.Path,
                _entries.TryGetValue(finding.Fingerprint, out var kept) ? kept.Reason : reason)));
    }

    public string Serialize()
    {
        var file = new BaselineFile(
            "Secret findings accepted on purpose. Each fingerprint is a rule id and a hash of the secret.",
            _entries.Values.OrderBy(entry => entry.Fingerprint, StringComparer.Ordinal).ToList());
        return JsonSerializer.Serialize(file, Json).ReplaceLineEndings("\n") + "\n";
    }

    public void Save(string path)
    {
        File.WriteAllText(path, Serialize());
    }

    private sealed record BaselineFile(string? Description, List<BaselineEntry>? Accepted);
}
