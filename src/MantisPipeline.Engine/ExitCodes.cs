namespace MantisPipeline.Engine;

/// <summary>The process exit codes of a build; positive, and a usage error is never 0.</summary>
public static class ExitCodes
{
    /// <summary>Every planned target succeeded or was skipped.</summary>
    public const int Success = 0;

    /// <summary>At least one target failed.</summary>
    public const int TargetFailed = 1;

    /// <summary>Bad arguments, parameters or graph: nothing ran.</summary>
    public const int UsageError = 2;

    /// <summary>The build was cancelled with Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
