using MantisPipeline.Audit.Baseline;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit;

/// <summary>What an audit found, after the baseline accepted what it may.</summary>
public sealed record AuditResult(
    string RepositoryPath,
    string EnvironmentName,
    Severity? FailAt,
    int FilesAudited,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<AcceptedFinding> Accepted,
    IReadOnlyList<AcceptedFinding> Expired,
    IReadOnlyList<BaselineEntry> Stale)
{
    /// <summary>Findings count here whether new or expired; accepted ones do not fail.</summary>
    public bool Failed => FailAt is { } threshold && Findings.Any(f => f.Severity >= threshold);

    public IReadOnlyDictionary<string, int> Counts =>
        Findings.GroupBy(f => f.RuleId).ToDictionary(g => g.Key, g => g.Count());
}

public sealed record AcceptedFinding(Finding Finding, BaselineEntry Entry);
