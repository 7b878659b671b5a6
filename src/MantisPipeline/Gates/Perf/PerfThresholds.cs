namespace MantisPipeline.Gates.Perf;

/// <summary>The limits one endpoint's measured figures must stay within.</summary>
public sealed record PerfThresholds
{
    public double P95Ms { get; init; } = 500;

    /// <summary>An optional limit on p99; when unset, p99 is reported but not judged.</summary>
    public double? P99Ms { get; init; }

    /// <summary>The largest share of failed requests allowed, from 0 to 1.</summary>
    public double MaxErrorRate { get; init; } = 0.01;
}
