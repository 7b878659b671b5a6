using System.Diagnostics;
using System.Globalization;

namespace MantisPipeline.Bench;

/// <summary>One timed run of one tool: wall and CPU time and peak resident memory, from `/usr/bin/time`.</summary>
internal sealed record Measurement(
    string Tool, string Repository, double Seconds, double CpuSeconds, double PeakMebibytes, int ExitCode)
{
    public const string TimeCommand = "/usr/bin/time";

    public static Measurement Run(string tool, string repository, string workingDirectory, params string[] command)
    {
        var figures = Path.GetTempFileName();
        var start = new ProcessStartInfo(TimeCommand)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["-f", "%e %M %U %S", "-o", figures, .. command])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var said = FirstLine(output.Result, error.Result);
        Console.WriteLine($"  {tool} on {repository}: exit {process.ExitCode}; {said}");

        var parts = File.ReadAllLines(figures).Last().Split(' ');
        File.Delete(figures);
        var seconds = double.Parse(parts[0], CultureInfo.InvariantCulture);
        var kibibytes = double.Parse(parts[1], CultureInfo.InvariantCulture);
        var cpu = double.Parse(parts[2], CultureInfo.InvariantCulture)
            + double.Parse(parts[3], CultureInfo.InvariantCulture);
        return new Measurement(tool, repository, seconds, cpu, kibibytes / 1024, process.ExitCode);
    }

    // Peers print the secrets they match, so only our own summary line is shown, and for
    // the peers only how much they printed.
    private static string FirstLine(string output, string error)
    {
        var lines = (output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var summary = lines.LastOrDefault(line => line.Contains("Scanned ") && line.Contains("unique blobs"));
        return summary?.Trim() ?? $"{lines.Length} lines of output";
    }
}
