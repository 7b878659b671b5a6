using MantisPipeline.Containers;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Environments;
using MantisPipeline.Releases;

namespace MantisPipeline.Deployment;

/// <summary>
/// Carries one release through a deploy: start and switch, then either promote it once
/// its gates pass, or roll back to the release that was live before.
/// </summary>
public sealed class ReleaseDeployer(DeployEnvironment environment, DockerEngine docker, ReleaseLedger ledger)
{
    private readonly ReleaseSwitch _switch = new(environment, docker);

    /// <summary>The release this run switched to and has not yet promoted or rolled back.</summary>
    public Release? Candidate { get; private set; }

    public Release? Previous { get; private set; }

    public async Task StartAsync(string image, string imageId, ReleaseVersion version, string startedBy,
        CancellationToken ct)
    {
        await ledger.EnsureCreatedAsync(ct);
        foreach (var interrupted in await ledger.AbandonInterruptedAsync("interrupted before its verdict", ct))
        {
            Log.Warning($"Release {interrupted.Id} ({interrupted.Version}) was left Deploying by an " +
                "interrupted run; it is marked Failed");
        }

        Previous = await ledger.LiveAsync(ct);

        var container = AppContainer.NameFor(environment, version);
        var draft = new ReleaseDraft(version.Version, image, imageId, version.Commit, container, startedBy);
        var release = await ledger.RecordAsync(draft, ct);
        Log.Information($"Recorded release {release.Id} ({version.Version}) in the {environment.Name} ledger");

        try
        {
            var spec = AppContainer.Spec(environment, container, image, release.Id, version.Version);
            await _switch.ToNewContainerAsync(Previous, release, spec, ct);
        }
        catch (Exception e)
        {
            await ledger.MarkAsync(release.Id, ReleaseOutcome.Failed, FirstLine(e), CancellationToken.None);
            throw;
        }

        Candidate = release;
        Log.Information($"Release {release.Id} ({version.Version}) answers on {environment.AppUrl}; gating it");
    }

    public async Task PromoteAsync(CancellationToken ct)
    {
        var candidate = Candidate ?? throw new InvalidOperationException("No release to promote.");
        await ledger.PromoteAsync(candidate.Id, ct);
        Candidate = null;

        Log.Information($"Release {candidate.Id} ({candidate.Version}) is live in {environment.Name}" +
            (Previous is null ? "" : $"; release {Previous.Id} ({Previous.Version}) is kept for rollback"));
        await new ReleasePruner(environment, docker, ledger).PruneAsync(ct);
    }

    /// <summary>Puts the previous release back after the candidate failed a gate.</summary>
    public async Task RollBackAsync(string reason, CancellationToken ct)
    {
        var candidate = Candidate ?? throw new InvalidOperationException("No release to roll back.");
        Candidate = null;

        if (Previous is null)
        {
            await _switch.StopAsync(candidate, ct);
            await ledger.MarkAsync(candidate.Id, ReleaseOutcome.Failed, reason, ct);
            Log.Error($"Release {candidate.Id} ({candidate.Version}) failed: {reason}. It was the " +
                $"first release of {environment.Name}, so there is nothing to go back to; it is stopped.");
            return;
        }

        await _switch.ToKeptContainerAsync(candidate, Previous, ct);
        await ledger.RollBackAsync(candidate.Id, Previous.Id, reason, ct: ct);
        await new ReleasePruner(environment, docker, ledger).PruneAsync(ct);
        Log.Error($"Release {candidate.Id} ({candidate.Version}) failed: {reason}. Rolled back to " +
            $"release {Previous.Id} ({Previous.Version}), which serves {environment.AppUrl} again.");
    }

    private static string FirstLine(Exception e) => e.Message.Split('\n')[0].Trim();
}
