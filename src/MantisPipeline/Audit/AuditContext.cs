using MantisPipeline.Findings;

namespace MantisPipeline.Audit;

/// <summary>The environment a repository is audited for: it decides what counts and what fails.</summary>
public sealed record AuditContext
{
    public required string EnvironmentName { get; init; }

    public bool IsLocal { get; init; }

    public bool AppRunsInContainer { get; init; } = true;

    /// <summary>Null means: detect it from a -pooler (or known serverless) database host.</summary>
    public bool? DatabaseIsServerless { get; init; }

    /// <summary>The environment's database URL; treated as a secret and never printed.</summary>
    public string? DatabaseUrl { get; init; }

    /// <summary>The environment's Redis URL; treated as a secret and never printed.</summary>
    public string? RedisUrl { get; init; }

    /// <summary>The environment definition file, named as the place of findings about the URLs.</summary>
    public string? EnvironmentFile { get; init; }

    /// <summary>Findings at or above this severity fail the audit; null never fails.</summary>
    public Severity? FailAt { get; init; } = Severity.High;

    public string? BaselinePath { get; init; }

    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Reads a threshold as written in an environment file: critical, high, medium, low or never.</summary>
    public static Severity? ParseFailAt(string text) => text.Trim().ToLowerInvariant() switch
    {
        "never" or "none" => null,
        "low" => Severity.Low,
        "medium" => Severity.Medium,
        "high" => Severity.High,
        "critical" => Severity.Critical,
        _ => throw new PipelineException(
            $"The audit threshold '{text}' is not one of critical, high, medium, low or never. " +
            "Set the environment's audit fail_at to one of those words."),
    };
}
