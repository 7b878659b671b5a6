namespace MantisPipeline.Audit.Baseline;

/// <summary>An accepted finding: which one (by fingerprint), why, and until when.</summary>
public sealed record BaselineEntry(string Fingerprint, string? RuleId, string? Path, string Reason, DateOnly Expires)
{
    public bool IsExpired(DateOnly today) => Expires < today;
}
