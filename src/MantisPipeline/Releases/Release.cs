namespace MantisPipeline.Releases;

public enum ReleaseOutcome
{
    /// <summary>Started and switched to, not yet through its gates.</summary>
    Deploying,

    /// <summary>Passed its gates and serves the environment.</summary>
    Live,

    /// <summary>Served before and was replaced by a newer live release.</summary>
    Superseded,

    /// <summary>Failed before or during its gates and never served.</summary>
    Failed,

    /// <summary>Was live or deploying, and a rollback put an older release back.</summary>
    RolledBack,
}

/// <summary>One version of the app in one environment, as the ledger records it.</summary>
public sealed record Release(
    long Id,
    string Environment,
    string Version,
    string Image,
    string ImageId,
    string Commit,
    string Container,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    ReleaseOutcome Outcome,
    string? Note);
