namespace MantisPipeline.Gates.Perf;

/// <summary>One endpoint to load, with thresholds of its own or the gate's.</summary>
public sealed record PerfEndpoint(string Path, PerfThresholds? Thresholds = null);

public sealed record PerfGateOptions
{
    public IReadOnlyList<PerfEndpoint> Endpoints { get; init; } =
        [new PerfEndpoint("api/health"), new PerfEndpoint("api/notes")];

    public int RequestsPerEndpoint { get; init; } = 200;

    public int Concurrency { get; init; } = 8;

    /// <summary>Requests sent first and not measured, so that start-up costs do not count.</summary>
    public int WarmupRequests { get; init; } = 5;

    /// <summary>Fewer completed requests than this make an endpoint's verdict inconclusive.</summary>
    public int MinimumSamples { get; init; } = 50;

    /// <summary>The hard cap on the whole load, shared evenly by the endpoints.</summary>
    public TimeSpan TimeCap { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A request slower than this counts as an error.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public PerfThresholds Thresholds { get; init; } = new();

    public bool AllowRemoteHost { get; init; }
}
