using System.Diagnostics;
using System.Text;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Tools;

public sealed record ProcessResult(int ExitCode, string Output);

/// <summary>Runs a command-line tool, streaming its output to the log and keeping it for errors.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        CancellationToken ct,
        string? workingDirectory = null,
        bool echo = true,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? System.Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = StartOrExplain(start);

        // Nothing is typed into a tool run by the pipeline; a prompt must fail, not hang.
        process.StandardInput.Close();
        var output = new StringBuilder();
        var pumps = new[]
        {
            Pump(process.StandardOutput, output, echo),
            Pump(process.StandardError, output, echo),
        };

        await using (ct.Register(() => Kill(process)))
        {
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(pumps);
        }

        ct.ThrowIfCancellationRequested();
        return new ProcessResult(process.ExitCode, output.ToString());
    }

    /// <summary>Runs the tool and throws with the tail of its output when it fails.</summary>
    public static async Task<string> RunCheckedAsync(
        string fileName,
        IEnumerable<string> arguments,
        CancellationToken ct,
        string? workingDirectory = null,
        bool echo = true)
    {
        var result = await RunAsync(fileName, arguments, ct, workingDirectory, echo);
        if (result.ExitCode != 0)
        {
            throw new PipelineException(
                $"'{fileName}' exited with code {result.ExitCode}. Its last output lines:" +
                $"{System.Environment.NewLine}{Tail(result.Output, 20)}");
        }

        return result.Output;
    }

    public static string Tail(string text, int lines) =>
        string.Join(System.Environment.NewLine,
            text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(lines));

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PipelineException(
                $"Cannot run '{start.FileName}': {e.Message}. Install it or put it on PATH.", e);
        }
    }

    private static async Task Pump(StreamReader reader, StringBuilder output, bool echo)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (echo)
            {
                Log.Information("  " + line);
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
