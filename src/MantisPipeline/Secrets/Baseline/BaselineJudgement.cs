using MantisPipeline.Findings;

namespace MantisPipeline.Secrets.Baseline;

/// <summary>Findings split by a baseline: those still to fix, those it accepts, and its stale entries.</summary>
public sealed record BaselineJudgement(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Finding> Accepted,
    IReadOnlyList<BaselineEntry> Stale);
