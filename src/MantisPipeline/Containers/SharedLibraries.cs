using System.Diagnostics;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Containers;

/// <summary>Finds, with `ldd`, the host's shared libraries that native files load.</summary>
internal static class SharedLibraries
{
    public static async Task<IReadOnlyList<string>> ResolveAsync(
        IEnumerable<string> nativeFiles,
        CancellationToken ct)
    {
        var output = await RunLddAsync(nativeFiles.ToList(), ct);
        var libraries = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var line in output.Split('\n'))
        {
            var path = LibraryPath(line);
            if (path is not null)
            {
                libraries.Add(path);
            }
        }

        return libraries.ToList();
    }

    /// <summary>The library path in one line of ldd's output, or null for headers and misses.</summary>
    internal static string? LibraryPath(string line)
    {
        // Dependencies are indented; the unindented lines name the file being listed.
        if (line.Length == 0 || !char.IsWhiteSpace(line[0]))
        {
            return null;
        }

        var text = line.Trim();
        var arrow = text.IndexOf("=>", StringComparison.Ordinal);
        var target = arrow >= 0 ? text[(arrow + 2)..].Trim() : text;
        if (target.StartsWith("not found", StringComparison.Ordinal))
        {
            var name = text[..Math.Max(arrow, 0)].Trim();
            Log.Debug($"ldd found no '{name}'; it is left out of the image.");
            return null;
        }

        var address = target.IndexOf(" (", StringComparison.Ordinal);
        var path = address >= 0 ? target[..address] : target;
        return path.StartsWith('/') ? path : null;
    }

    private static async Task<string> RunLddAsync(IReadOnlyList<string> files, CancellationToken ct)
    {
        var start = new ProcessStartInfo("ldd")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var ldd = StartLdd(start);
        var output = ldd.StandardOutput.ReadToEndAsync(ct);
        var errors = ldd.StandardError.ReadToEndAsync(ct);
        await ldd.WaitForExitAsync(ct);

        // ldd exits non-zero when one file is not dynamically linked; that file needs nothing.
        Log.Debug($"ldd listed {files.Count} native files (exit code {ldd.ExitCode}). {await errors}");
        return await output;
    }

    private static Process StartLdd(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)
                ?? throw new PipelineException("`ldd` did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new PipelineException(
                "Building the local base image needs `ldd` to find the libraries of the .NET "
                + $"runtime, and it could not run: {exception.Message}. Install it (Debian: "
                + "`apt-get install libc-bin`) or build on a machine that can pull the official image.",
                exception);
        }
    }
}
