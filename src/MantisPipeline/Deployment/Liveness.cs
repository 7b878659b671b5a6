using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using MantisPipeline.Containers;

namespace MantisPipeline.Deployment;

/// <summary>
/// Waits until a release's container answers its liveness endpoint as that release: the
/// answer must carry the release's id, so that a stray process on the port cannot pass.
/// </summary>
public static class Liveness
{
    public const string Path = "/api/health";

    public static async Task WaitAsync(
        DockerEngine docker, string container, long release, Uri appUrl, TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        var lastProblem = "no answer yet";

        while (clock.Elapsed < timeout)
        {
            await RequireRunningAsync(docker, container, ct);

            var answer = await AskAsync(http, new Uri(appUrl, Path), ct);
            if (answer.Release == release.ToString())
            {
                return;
            }

            lastProblem = answer.Problem ?? $"release {answer.Release} answered instead of release {release}";
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        throw new PipelineException(
            $"Release {release} in {container} did not answer {new Uri(appUrl, Path)} within " +
            $"{timeout.TotalSeconds:0}s ({lastProblem}). Raise app.start_timeout if it is slow " +
            $"to start, or read its logs with `docker logs {container}`.");
    }

    /// <summary>Fails when anything answers on the environment's port, before a release starts there.</summary>
    public static async Task RequirePortFreeAsync(Uri appUrl, CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(appUrl.Host, appUrl.Port, ct);
        }
        catch (SocketException)
        {
            return;
        }

        throw new PipelineException(
            $"Something still listens on {appUrl.Host}:{appUrl.Port} although the live release " +
            "is stopped: another process, or a container the ledger does not know, holds the " +
            $"environment's port. Find it with `ss -ltnp 'sport = :{appUrl.Port}'` or " +
            "`docker ps`, stop it, and run the build again.");
    }

    private static async Task RequireRunningAsync(DockerEngine docker, string container, CancellationToken ct)
    {
        var state = await docker.InspectAsync(container, ct);
        if (state is { Running: true })
        {
            return;
        }

        var logs = await docker.LogsAsync(container, 20, ct);
        throw new PipelineException(
            $"The release's container {container} stopped before it answered " +
            $"(exit code {state?.ExitCode.ToString() ?? "unknown"}). Its last log lines:" +
            $"{System.Environment.NewLine}{logs}");
    }

    private static async Task<(string? Release, string? Problem)> AskAsync(
        HttpClient http, Uri url, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(url, ct);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"{Path} answered {(int)response.StatusCode}");
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return body.RootElement.TryGetProperty("release", out var release)
                ? (release.GetString(), null)
                : (null, $"{Path} did not say which release answers");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException)
        {
            return (null, e.Message);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, "the request timed out");
        }
    }
}
