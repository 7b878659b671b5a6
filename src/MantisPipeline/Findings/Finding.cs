namespace MantisPipeline.Findings;

public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>
/// Something a scan or audit rule found. Evidence is always redacted; the fingerprint
/// identifies the finding without holding the secret.
/// </summary>
public sealed record Finding(
    string RuleId,
    string Title,
    Severity Severity,
    string Path,
    int Line,
    string Evidence,
    string Fingerprint,
    string Remedy)
{
    /// <summary>One sentence saying what is wrong at this place; the title names the rule.</summary>
    public string? Message { get; init; }

    public string? Commit { get; init; }

    public string? Author { get; init; }

    public DateTimeOffset? Date { get; init; }

    /// <summary>For findings from git history: whether the secret is still at HEAD.</summary>
    public Presence? Presence { get; init; }

    /// <summary>Why the rule reported it (a weak secret's reason, an entropy), never the value.</summary>
    public string? Detail { get; init; }

    /// <summary>How many distinct files or file versions hold the same finding.</summary>
    public int Occurrences { get; init; } = 1;
}
