using LibGit2Sharp;
using GitRepository = LibGit2Sharp.Repository;

namespace MantisPipeline.Audit.Repository;

/// <summary>Finds sensitive files that were committed once and are no longer tracked.</summary>
internal sealed class HistoryWalk(GitRepository repository, int maxCommits, CancellationToken ct)
{
    public sealed record PastFile(string Path, byte[] Content, CommitInfo Commit);

    public IReadOnlyList<PastFile> SensitiveFilesNoLongerTracked(IReadOnlySet<string> tracked)
    {
        var newest = new Dictionary<string, PastFile>(StringComparer.Ordinal);

        foreach (var commit in Commits().Take(maxCommits))
        {
            ct.ThrowIfCancellationRequested();
            var parentTree = commit.Parents.FirstOrDefault()?.Tree;
            var changes = repository.Diff.Compare<TreeChanges>(parentTree, commit.Tree);

            foreach (var change in changes)
            {
                // Commits come newest first, so the first version seen is the last one tracked.
                if (change.Status is ChangeKind.Deleted || newest.ContainsKey(change.Path)
                    || tracked.Contains(change.Path) || !SensitivePaths.IsCandidate(change.Path))
                {
                    continue;
                }

                var blob = repository.Lookup<Blob>(change.Oid);
                if (blob is not null)
                {
                    newest[change.Path] = new PastFile(change.Path, Read(blob), Info(commit));
                }
            }
        }

        return newest.Values.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
    }

    private IEnumerable<Commit> Commits()
    {
        if (repository.Head.Tip is null)
        {
            return [];
        }

        var filter = new CommitFilter
        {
            IncludeReachableFrom = repository.Branches.Select(b => b.Tip).Where(t => t is not null)
                .Append(repository.Head.Tip).Distinct().ToList(),
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time,
        };
        return repository.Commits.QueryBy(filter);
    }

    private static byte[] Read(Blob blob)
    {
        using var stream = blob.GetContentStream();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static CommitInfo Info(Commit commit) =>
        new(commit.Sha, commit.Author.Name, commit.Author.When);
}
