namespace MantisPipeline.Findings;

/// <summary>One scan's or audit's findings with its figures, as the reports write them.</summary>
public sealed record FindingsReport(
    string Scan,
    string Summary,
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, long> Counts,
    string? IncompleteReason = null)
{
    public bool Complete => IncompleteReason is null;
}
