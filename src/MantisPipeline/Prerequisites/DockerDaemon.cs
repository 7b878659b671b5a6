using System.Diagnostics;
using MantisPipeline.Containers;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Prerequisites;

/// <summary>Makes sure the Docker engine answers, starting dockerd when the pipeline may.</summary>
public static class DockerDaemon
{
    // No bridge and no iptables: containers run with host networking on loopback, and a
    // machine without the kernel's bridge or nat support can still run the engine.
    private static readonly string[] Arguments = ["--bridge=none", "--iptables=false"];

    public static async Task EnsureRunningAsync(
        DockerEngine docker, bool mayStart, string logDirectory, CancellationToken ct)
    {
        try
        {
            await docker.PingAsync(ct);
            return;
        }
        catch (PipelineException) when (mayStart)
        {
            Log.Warning("The Docker engine is not running; starting dockerd " + string.Join(' ', Arguments));
        }

        Start(logDirectory);
        await WaitAsync(docker, ct);
    }

    private static void Start(string logDirectory)
    {
        Directory.CreateDirectory(logDirectory);
        var log = Path.Combine(Path.GetFullPath(logDirectory), "dockerd.log");

        // Through sh so that the daemon outlives this build and writes to its own log file.
        var start = new ProcessStartInfo("sh")
        {
            ArgumentList = { "-c", $"nohup dockerd {string.Join(' ', Arguments)} >>'{log}' 2>&1 &" },
            UseShellExecute = false,
        };
        using var shell = Process.Start(start);
        shell?.WaitForExit();
        Log.Information($"dockerd started; its log is {log}");
    }

    private static async Task WaitAsync(DockerEngine docker, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await docker.PingAsync(ct);
                Log.Information($"The Docker engine answered after {clock.Elapsed.TotalSeconds:0.0}s");
                return;
            }
            catch (PipelineException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(250, ct);
            }
        }
    }
}
