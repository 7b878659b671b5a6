using MantisPipeline.Containers;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Environments;
using MantisPipeline.Releases;

namespace MantisPipeline.Deployment;

/// <summary>
/// Moves the environment's port from one release's container to another's. Both bind the
/// same loopback port, so the old one stops first (kept, for rollback); when the new one does
/// not answer as itself, the old one is started again, so that the environment is never left
/// without a serving release.
/// </summary>
public sealed class ReleaseSwitch(DeployEnvironment environment, DockerEngine docker)
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Stops <paramref name="from"/>, then starts <paramref name="to"/> in a new container.</summary>
    public async Task ToNewContainerAsync(Release? from, Release to, ContainerSpec spec, CancellationToken ct)
    {
        await StopAsync(from, ct);

        try
        {
            await Liveness.RequirePortFreeAsync(environment.AppUrl, ct);
            await docker.RunAsync(spec, ct);
            await WaitAsync(to, ct);
        }
        catch (Exception failure)
        {
            await RestoreAsync(from, to, failure);
            throw;
        }
    }

    /// <summary>Stops <paramref name="from"/>, then starts the kept container of <paramref name="to"/>.</summary>
    public async Task ToKeptContainerAsync(Release? from, Release to, CancellationToken ct)
    {
        if (await docker.InspectAsync(to.Container, ct) is null)
        {
            throw new PipelineException(
                $"The container {to.Container} of release {to.Id} no longer exists (only the " +
                $"newest {environment.App.KeepReleases} releases that served are kept). Deploy " +
                $"that release's commit ({to.Version}) again instead.");
        }

        await StopAsync(from, ct);

        try
        {
            await Liveness.RequirePortFreeAsync(environment.AppUrl, ct);
            Log.Information($"Starting {to.Container} (release {to.Id}) again on {environment.AppUrl}");
            await docker.StartAsync(to.Container, ct);
            await WaitAsync(to, ct);
        }
        catch (Exception failure)
        {
            await RestoreAsync(from, to, failure);
            throw;
        }
    }

    public async Task StopAsync(Release? release, CancellationToken ct)
    {
        if (release is null || await docker.InspectAsync(release.Container, ct) is not { Running: true })
        {
            return;
        }

        Log.Information($"Stopping {release.Container} (release {release.Id})");
        await docker.StopAsync(release.Container, StopTimeout, ct);
    }

    private Task WaitAsync(Release release, CancellationToken ct) =>
        Liveness.WaitAsync(docker, release.Container, release.Id, environment.AppUrl,
            environment.App.StartTimeout, ct);

    // Runs without the build's token: after a Ctrl-C the old release must still come back.
    // The failed container is stopped, not removed, so that its logs stay readable.
    private async Task RestoreAsync(Release? previous, Release failed, Exception failure)
    {
        using var grace = new CancellationTokenSource(environment.App.StartTimeout + StopTimeout);
        Log.Warning($"Release {failed.Id} did not come up: {FirstLine(failure)}");

        try
        {
            await StopAsync(failed, grace.Token);
            if (previous is null || await docker.InspectAsync(previous.Container, grace.Token) is null)
            {
                return;
            }

            Log.Information(
                $"Starting {previous.Container} (release {previous.Id}) again, so the environment keeps serving");
            await docker.StartAsync(previous.Container, grace.Token);
            await WaitAsync(previous, grace.Token);
        }
        catch (Exception restoreFailure)
        {
            throw new PipelineException(
                $"Release {failed.Id} did not come up ({FirstLine(failure)}), and putting " +
                $"release {previous?.Id} back failed too ({FirstLine(restoreFailure)}). The " +
                "environment may serve nothing: check `docker ps -a` and start the last good " +
                "release's container by hand.", failure);
        }
    }

    private static string FirstLine(Exception e) => e.Message.Split('\n')[0].Trim();
}
