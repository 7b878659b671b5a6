namespace MantisPipeline.Engine.Internal;

/// <summary>What happened to one planned target.</summary>
internal sealed class TargetRun(PlanStep step)
{
    public PlanStep Step { get; } = step;

    public ExecutableTarget Target => Step.Target;

    public TargetStatus Status { get; set; } = TargetStatus.NotRun;

    public TimeSpan Duration { get; set; }

    /// <summary>The exit code the failure asked for, when it named one.</summary>
    public int? RequestedExitCode { get; set; }
}
