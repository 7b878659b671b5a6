using System.Globalization;
using MantisPipeline.Findings;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MantisPipeline.Audit.Baseline;

/// <summary>
/// The baseline file: findings accepted with a reason and an expiry date. Applying it splits
/// findings into open, accepted and expired, and names the entries nothing matched.
/// </summary>
public sealed class AuditBaseline
{
    private AuditBaseline(string? path, IReadOnlyList<BaselineEntry> entries)
    {
        Path = path;
        Entries = entries;
    }

    public string? Path { get; }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    public static AuditBaseline Empty { get; } = new(null, []);

    public static AuditBaseline Load(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return path is null ? Empty : new AuditBaseline(path, []);
        }

        BaselineFile? file;
        try
        {
            file = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .Build()
                .Deserialize<BaselineFile>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            throw new PipelineException(
                $"The audit baseline {path} is not valid YAML ({e.Message}). Fix the file; each " +
                "entry under 'accepted' needs fingerprint, reason and expires (YYYY-MM-DD).", e);
        }

        var entries = (file?.Accepted ?? []).Select((e, i) => Validate(path, i + 1, e)).ToList();
        return new AuditBaseline(path, entries);
    }

    public (IReadOnlyList<Finding> Open, IReadOnlyList<AcceptedFinding> Accepted,
        IReadOnlyList<AcceptedFinding> Expired, IReadOnlyList<BaselineEntry> Stale)
        Apply(IReadOnlyList<Finding> findings, DateOnly today)
    {
        var byFingerprint = Entries.GroupBy(e => e.Fingerprint).ToDictionary(g => g.Key, g => g.First());
        var open = new List<Finding>();
        var accepted = new List<AcceptedFinding>();
        var expired = new List<AcceptedFinding>();

        foreach (var finding in findings)
        {
            if (!byFingerprint.TryGetValue(finding.Fingerprint, out var entry))
            {
                open.Add(finding);
            }
            else if (entry.IsExpired(today))
            {
                expired.Add(new AcceptedFinding(finding, entry));
                open.Add(finding);
            }
            else
            {
                accepted.Add(new AcceptedFinding(finding, entry));
            }
        }

        var matched = findings.Select(f => f.Fingerprint).ToHashSet();
        var stale = Entries.Where(e => !matched.Contains(e.Fingerprint)).ToList();
        return (open, accepted, expired, stale);
    }

    private static BaselineEntry Validate(string path, int index, EntryFile entry)
    {
        var problem = entry switch
        {
            { Fingerprint: null or "" } => "has no fingerprint",
            { Reason: null } or { Reason.Length: 0 } => "has no reason",
            { Expires: null or "" } => "has no expiry date",
            _ => null,
        };

        var expires = default(DateOnly);
        var parsed = problem is null && DateOnly.TryParseExact(
            entry.Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out expires);
        if (problem is null && !parsed)
        {
            problem = $"has the expiry date '{entry.Expires}', which is not YYYY-MM-DD";
        }

        if (problem is not null)
        {
            throw new PipelineException(
                $"Entry {index} of the audit baseline {path} {problem}. A finding is accepted only " +
                "with its fingerprint, a reason and an expiry date (expires: YYYY-MM-DD); add the " +
                "missing field or remove the entry.");
        }

        return new BaselineEntry(entry.Fingerprint!, entry.Rule, entry.Path, entry.Reason!.Trim(), expires);
    }

    private sealed class BaselineFile
    {
        public List<EntryFile>? Accepted { get; set; }
    }

    private sealed class EntryFile
    {
        public string? Fingerprint { get; set; }

        public string? Rule { get; set; }

        public string? Path { get; set; }

        public string? Reason { get; set; }

        public string? Expires { get; set; }
    }
}
