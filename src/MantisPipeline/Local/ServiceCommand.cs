using System.Diagnostics;

namespace MantisPipeline.Local;

/// <summary>The outcome of one server command line: its exit code and what it printed.</summary>
internal sealed record CommandResult(int ExitCode, string Output);

/// <summary>Runs the server tools (initdb, pg_ctl, redis-server) and collects their output.</summary>
internal static class ServiceCommand
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a PostgreSQL tool, as the postgres account when we are root.</summary>
    public static Task<CommandResult> RunAsPostgresAsync(
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

    public static async Task<CommandResult> RunAsync(
        string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = StartProcess(start, program);
        process.StandardInput.Close();

        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);

        var text = (await output + await error).Trim();
        return new CommandResult(process.ExitCode, text);
    }

    public static async Task<CommandResult> RunCheckedAsync(
        Task<CommandResult> command, string what)
    {
        var result = await command;
        if (result.ExitCode != 0)
        {
            throw new PipelineException(
                $"{what} failed with exit code {result.ExitCode}: {result.Output}");
        }

        return result;
    }

    private static Process StartProcess(ProcessStartInfo start, string program)
    {
        try
        {
            return Process.Start(start)
                ?? throw new PipelineException($"The program {program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PipelineException(
                $"The program {program} could not be started ({e.Message}). Install it " +
                "(Debian: apt-get install postgresql redis-server) or put it on the PATH.", e);
        }
    }
}
