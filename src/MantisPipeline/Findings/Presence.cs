namespace MantisPipeline.Findings;

/// <summary>Where a finding from git history still is, which decides how it must be cleaned up.</summary>
public enum Presence
{
    /// <summary>In HEAD's tree or in an uncommitted tracked file: remove it and rotate it.</summary>
    AtHead,

    /// <summary>On HEAD's history but removed since: rotate it; history still holds it.</summary>
    Deleted,

    /// <summary>Never on HEAD's line: only on another branch, a tag, a stash or notes.</summary>
    OnlyInHistory,
}
