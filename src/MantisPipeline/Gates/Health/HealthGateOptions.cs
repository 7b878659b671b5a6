namespace MantisPipeline.Gates.Health;

public sealed record HealthGateOptions
{
    /// <summary>How long to wait for every check to be healthy before the gate fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The deadline of one request; a slower answer counts as no answer.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public string Path { get; init; } = "api/health/comprehensive";

    /// <summary>Checks the release must report; a missing one fails the gate.</summary>
    public IReadOnlyList<string> RequiredChecks { get; init; } = ["database", "redis"];

    /// <summary>
    /// When set, the release must report this version, so that an old release still
    /// answering on the port fails the gate.
    /// </summary>
    public string? ExpectedVersion { get; init; }

    public bool AllowRemoteHost { get; init; }
}
