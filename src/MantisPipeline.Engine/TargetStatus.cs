namespace MantisPipeline.Engine;

/// <summary>The outcome of one planned target, as the summary shows it.</summary>
public enum TargetStatus
{
    NotRun,
    Succeeded,
    Failed,
    Skipped,
    Cancelled,
}
