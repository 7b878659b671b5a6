using MantisPipeline.Engine.Logging;
using MantisPipeline.Secrets;

namespace MantisPipeline.Bench;

/// <summary>Our scan as its own process, so that its wall time and memory are measured whole.</summary>
internal static class ScanCommand
{
    public static async Task<int> RunAsync(string folder, string[] options)
    {
        var mode = options switch
        {
            ["--staged", ..] => SecretScanMode.Staged(),
            ["--since", var revision, ..] => SecretScanMode.Since(revision),
            _ => SecretScanMode.History(),
        };

        if (options.Contains("--verbose"))
        {
            Log.MinimumLevel = LogLevel.Debug;
        }

        var result = await SecretScanner.Create(new SecretScanOptions { Mode = mode }).ScanAsync(folder);
        return result.ExitCode;
    }
}
