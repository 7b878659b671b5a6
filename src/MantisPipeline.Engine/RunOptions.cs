using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Engine;

/// <summary>
/// Where a build reads its arguments and environment and writes its output; the defaults
/// are the process's, and tests replace them to run a build in-process.
/// </summary>
public sealed class RunOptions
{
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public TextWriter Output { get; init; } = Log.Out;

    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    public Func<string, string?> EnvironmentVariable { get; init; } =
        System.Environment.GetEnvironmentVariable;

    /// <summary>Whether the output is a terminal, so that the summary may use colour.</summary>
    public bool OutputIsTerminal { get; init; }

    public static RunOptions FromProcess() => new()
    {
        Arguments = System.Environment.GetCommandLineArgs().Skip(1).ToArray(),
        OutputIsTerminal = !Console.IsOutputRedirected,
    };
}
