using System.Diagnostics;
using MantisPipeline.Containers;

namespace MantisPipeline.Deployment;

/// <summary>Waits until a freshly started release answers its liveness endpoint.</summary>
public static class Liveness
{
    public const string Path = "/api/health";

    public static async Task WaitAsync(
        DockerEngine docker, string container, Uri appUrl, TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        var lastProblem = "no answer yet";

        while (clock.Elapsed < timeout)
        {
            var state = await docker.InspectAsync(container, ct);
            if (state is null || !state.Running)
            {
                var logs = await docker.LogsAsync(container, 20, ct);
                throw new PipelineException(
                    $"The release's container {container} stopped before it answered " +
                    $"(exit code {state?.ExitCode.ToString() ?? "unknown"}). Its last log lines:" +
                    $"{System.Environment.NewLine}{logs}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(appUrl, Path), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                lastProblem = $"{Path} answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                lastProblem = e.Message;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                lastProblem = "the request timed out";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        throw new PipelineException(
            $"The release in {container} did not answer {new Uri(appUrl, Path)} within " +
            $"{timeout.TotalSeconds:0}s ({lastProblem}). Raise app.start_timeout if it is slow " +
            "to start, or read its logs with `docker logs " + container + "`.");
    }
}
