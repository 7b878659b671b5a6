namespace MantisPipeline.Engine;

/// <summary>
/// An exception that fails its target and names the process's exit code, so that a caller
/// can tell, say, "found secrets" from "could not scan". Used when it is the only failure.
/// </summary>
public interface IExitCode
{
    int ExitCode { get; }
}
