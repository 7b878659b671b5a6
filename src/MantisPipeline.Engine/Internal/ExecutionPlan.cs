namespace MantisPipeline.Engine.Internal;

/// <summary>One target in the plan, why it is there, and why it will be skipped, if so.</summary>
internal sealed record PlanStep(ExecutableTarget Target, string Reason, string? SkipReason)
{
    public bool IsSkipped => SkipReason != null;
}

/// <summary>The targets that will be considered, in the order they will run.</summary>
internal sealed record ExecutionPlan(IReadOnlyList<PlanStep> Steps)
{
    public IEnumerable<string> Names => Steps.Select(s => s.Target.Name);
}

/// <summary>
/// What <c>--skip</c> asked for: nothing (no flag), every target not invoked by name (the flag
/// alone), or the named targets.
/// </summary>
internal sealed record SkipRequest(bool SkipAllNotInvoked, IReadOnlyCollection<string> Names)
{
    public static SkipRequest None { get; } = new(false, []);

    public static SkipRequest AllNotInvoked { get; } = new(true, []);

    public static SkipRequest Only(params string[] names) => new(false, names);
}
