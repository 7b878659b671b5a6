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

    /// <summary>
    /// A target could not reach a verdict at all (a scan that could not read everything), as
    /// opposed to a verdict of failure; a target says so by throwing an <see cref="IExitCode"/>.
    /// </summary>
    public const int NoVerdict = 3;

    /// <summary>
    /// The build was cancelled by Ctrl-C, SIGINT or SIGTERM (kill, docker stop, a CI cancel),
    /// after its assured targets ran: 128 + SIGINT, as shells report Ctrl-C, for every one of them.
    /// </summary>
    public const int Cancelled = 130;
}
