using System.Diagnostics;
using MantisPipeline.Containers;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Tools;

namespace MantisPipeline.Prerequisites;

/// <summary>Makes sure the Docker engine answers, starting dockerd when the pipeline may.</summary>
public static class DockerDaemon
{
    // No bridge and no iptables: containers run with host networking on loopback, and a
    // machine without the kernel's bridge or nat support can still run the engine.
    private static readonly string[] Arguments = ["--bridge=none", "--iptables=false"];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    public static async Task EnsureRunningAsync(
        DockerEngine docker, bool mayStart, string logDirectory, CancellationToken ct)
    {
        // dockerd started here listens on the default socket only, so another endpoint is
        // the user's engine to start.
        var startable = mayStart && docker.Endpoint == DockerEngine.DefaultEndpoint;
        try
        {
            await docker.PingAsync(ct);
            return;
        }
        catch (PipelineException) when (startable)
        {
            Log.Warning("The Docker engine is not running; starting dockerd " + string.Join(' ', Arguments));
        }

        var log = Start(logDirectory);
        await WaitAsync(docker, log, ct);
    }

    private static string Start(string logDirectory)
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
        return log;
    }

    private static async Task WaitAsync(DockerEngine docker, string log, CancellationToken ct)
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
            catch (PipelineException) when (clock.Elapsed < StartTimeout)
            {
                await Task.Delay(250, ct);
            }
            catch (PipelineException e)
            {
                throw new PipelineException(
                    $"dockerd did not answer within {StartTimeout.TotalSeconds:0}s of its start. " +
                    $"The end of its log ({log}):{System.Environment.NewLine}" +
                    ProcessRunner.Tail(File.ReadAllText(log), 10), e);
            }
        }
    }
}
