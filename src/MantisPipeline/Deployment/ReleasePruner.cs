using MantisPipeline.Containers;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Environments;
using MantisPipeline.Releases;

namespace MantisPipeline.Deployment;

/// <summary>
/// Removes release containers that no rollback can use. Kept: the live release, the newest
/// releases that served before it (as many as the environment keeps), and the newest failed
/// one, whose logs explain the last failure.
/// </summary>
public sealed class ReleasePruner(DeployEnvironment environment, DockerEngine docker, ReleaseLedger ledger)
{
    // The ledger is read this far back; older containers are pruned on any run anyway.
    private const int LedgerDepth = 500;

    public async Task PruneAsync(CancellationToken ct)
    {
        var kept = Kept(await ledger.ListAsync(LedgerDepth, ct));
        var labels = new Dictionary<string, string> { [AppContainer.EnvironmentLabel] = environment.Name };

        foreach (var container in await docker.ListAsync(labels, ct))
        {
            if (container.State == "running" || kept.Contains(container.Name))
            {
                continue;
            }

            Log.Information($"Removing {container.Name}: no rollback can use it any more");
            await docker.RemoveAsync(container.Name, force: false, ct);
        }
    }

    private HashSet<string> Kept(IReadOnlyList<Release> newestFirst)
    {
        var live = newestFirst.Where(r => r.Outcome == ReleaseOutcome.Live);
        var served = newestFirst.Where(r => r.Outcome == ReleaseOutcome.Superseded)
            .Take(environment.App.KeepReleases);
        var lastFailure = newestFirst
            .Where(r => r.Outcome is ReleaseOutcome.Failed or ReleaseOutcome.RolledBack)
            .Take(1);

        return live.Concat(served).Concat(lastFailure).Select(r => r.Container).ToHashSet();
    }
}
