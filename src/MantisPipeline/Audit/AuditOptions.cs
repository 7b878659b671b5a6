namespace MantisPipeline.Audit;

/// <summary>The limits the audit rules judge against; every one can be changed per repository.</summary>
public sealed record AuditOptions
{
    public PoolLimits ServerlessPool { get; init; } = new(
        MaxMinimum: 1, MaxMaximum: 10, IdleSeconds: (10, 20), ConnectSeconds: (5, 10));

    public PoolLimits ClassicPool { get; init; } = new(
        MaxMinimum: 10, MaxMaximum: 100, IdleSeconds: (10, 600), ConnectSeconds: (1, 30));

    public int MinimumSecretBytes { get; init; } = 32;

    /// <summary>Files larger than this are skipped: configuration and code are far smaller.</summary>
    public long MaxFileBytes { get; init; } = 512 * 1024;

    /// <summary>How many commits the walk for files tracked in the past reads at most.</summary>
    public int MaxHistoryCommits { get; init; } = 20_000;

    /// <summary>
    /// Test code holds wrong configuration on purpose; only the tracked-file rule reads it
    /// unless this is set.
    /// </summary>
    public bool IncludeTests { get; init; }

    /// <summary>Path prefixes (relative, forward slashes) the audit leaves out, such as vendored code.</summary>
    public IReadOnlyList<string> ExcludedPaths { get; init; } = [];
}

/// <summary>What a connection pool may be set to: inclusive bounds, times in seconds.</summary>
public sealed record PoolLimits(
    int MaxMinimum,
    int MaxMaximum,
    (double Low, double High) IdleSeconds,
    (double Low, double High) ConnectSeconds);
