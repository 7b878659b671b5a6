namespace MantisPipeline.Tests.Gates;

/// <summary>
/// Keeps the perf tests from running while Chromium starts: on two shared cores a browser
/// launch adds hundreds of milliseconds to the latencies the perf gate measures.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MeasuredGates
{
    public const string Name = "Measured gates";
}
