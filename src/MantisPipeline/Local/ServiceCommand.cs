using MantisPipeline.Tools;

namespace MantisPipeline.Local;

/// <summary>Runs the server tools (initdb, pg_ctl, redis-server) and collects their output.</summary>
internal static class ServiceCommand
{
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>Runs a PostgreSQL tool, as the postgres account when we are root.</summary>
    public static Task<ProcessResult> RunAsPostgresAsync(
        string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        if (!IsRoot)
        {
            return RunAsync(program, arguments, ct);
        }

        // initdb and postgres refuse to run as root.
        string[] wrapped = ["-u", ServiceAccount.Postgres, "--", program, .. arguments];
        return RunAsync("runuser", wrapped, ct);
    }

    public static async Task<ProcessResult> RunAsync(
        string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync(program, arguments, ct, echo: false);
        return result with { Output = result.Output.Trim() };
    }

    public static async Task<ProcessResult> RunCheckedAsync(
        Task<ProcessResult> command, string what)
    {
        var result = await command;
        if (result.ExitCode != 0)
        {
            throw new PipelineException(
                $"{what} failed with exit code {result.ExitCode}: {result.Output}");
        }

        return result;
    }
}
