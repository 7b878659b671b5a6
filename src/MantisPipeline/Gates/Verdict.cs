namespace MantisPipeline.Gates;

/// <summary>
/// What a gate concluded. Inconclusive means there was not enough data to judge and is
/// never treated as a pass; Error means the measurement itself broke.
/// </summary>
public enum Verdict
{
    Pass,
    Fail,
    Inconclusive,
    Error,
}

/// <summary>One measured check inside a gate, with the figure and the threshold it met or missed.</summary>
public sealed record GateCheck(string Name, Verdict Verdict, string Detail);

public sealed record GateResult(string Gate, Verdict Verdict, string Summary, IReadOnlyList<GateCheck> Checks)
{
    public bool Passed => Verdict == Verdict.Pass;

    /// <summary>Files the gate left for a reader, such as a failed page's screenshot.</summary>
    public IReadOnlyList<string> Artifacts { get; init; } = [];
}
