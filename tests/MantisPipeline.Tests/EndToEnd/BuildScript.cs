using System.Diagnostics;
using System.Text;

namespace MantisPipeline.Tests.EndToEnd;

public sealed record BuildOutcome(int ExitCode, string Output)
{
    /// <summary>The status the summary table at the end of the build gives the target.</summary>
    public string? StatusOf(string target) =>
        Output.Split('\n')
            .Select(line => line.Split('│', StringSplitOptions.TrimEntries))
            .LastOrDefault(cells => cells.Length > 3 && cells[1] == target)?[2];

    public override string ToString() => $"exit {ExitCode}{System.Environment.NewLine}{Output}";
}

/// <summary>Runs ./build.sh the way a user does, as a child process, and keeps what it printed.</summary>
public static class BuildScript
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<BuildOutcome> RunAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot, "build.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        // The build must not take the test run's own GitHub or CI settings for its parameters.
        start.Environment.Remove("GITHUB_ACTIONS");

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var pumps = new[] { Pump(process.StandardOutput, output), Pump(process.StandardError, output) };

        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"./build.sh {string.Join(' ', start.ArgumentList)} timed out:\n{output}");
        }

        await Task.WhenAll(pumps);
        return new BuildOutcome(process.ExitCode, output.ToString());
    }

    private static async Task Pump(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("The tests run outside the repository: no .nuke folder above them.");
    }
}
