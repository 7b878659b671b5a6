using System.Diagnostics;

namespace MantisPipeline.Secrets.History;

/// <summary>
/// Runs the git CLI in a repository. Listing and reading objects goes through git itself:
/// it walks and unpacks history several times faster than the library, and on its own core.
/// </summary>
internal static class GitProcess
{
    public static Process Start(string repository, IEnumerable<string> arguments, bool input = false)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-c", "core.quotePath=false", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new PipelineException("The secret scan needs the git command line, which was not " +
                "found on the PATH. Install git (on Debian: apt-get install git) and run again.", exception);
        }
    }

    /// <summary>Runs git to the end and returns its output lines; a failure names the command.</summary>
    public static IEnumerable<string> Lines(string repository, params string[] arguments)
    {
        using var process = Start(repository, arguments);
        var error = process.StandardError.ReadToEndAsync();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            yield return line;
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new PipelineException($"`git {string.Join(' ', arguments)}` failed in '{repository}' " +
                $"with exit code {process.ExitCode}: {error.Result.Trim()} Check that the folder is a " +
                "readable, non-corrupt git repository (`git fsck`).");
        }
    }
}
