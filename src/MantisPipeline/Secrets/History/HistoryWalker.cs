using LibGit2Sharp;

namespace MantisPipeline.Secrets.History;

/// <summary>
/// Lists each unique blob once, with the oldest commit that holds it: from every ref
/// (branches, remotes, tags, notes) and every stash for a whole-history scan, or from the
/// commits on HEAD that a base revision does not hold.
/// </summary>
internal sealed class HistoryWalker(Repository repository, string root)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HistoryInventory _inventory = new();
    private HashSet<string>? _blobIds;

    public HistoryInventory WalkAll(CancellationToken ct)
    {
        _inventory.Refs = repository.Refs.Count();
        var head = repository.Head.Tip;

        // HEAD's line first, so that a blob on it is attributed to it even when another
        // ref also holds it: that is the history a clean-up has to rewrite.
        if (head is not null)
        {
            List(["HEAD"], onHeadLine: true, ct);
            CollectPresent();
        }

        // refs/stash names only the newest stash; the older ones live in its reflog.
        var stashes = repository.Stashes.Select(stash => stash.WorkTree.Sha);
        string[] others = head is null ? ["--all", .. stashes] : ["--all", .. stashes, "--not", "HEAD"];
        List(others, onHeadLine: false, ct);
        return _inventory;
    }

    public HistoryInventory WalkSince(string baseCommit, CancellationToken ct)
    {
        _inventory.Refs = 1;
        List(["HEAD", "--not", baseCommit], onHeadLine: true, ct);
        CollectPresent();
        return _inventory;
    }

    // With --in-commit-order each commit is followed by the trees and blobs it brought first,
    // and --reverse puts the oldest commit first. Objects named by a tag come with no commit.
    private void List(string[] revisions, bool onHeadLine, CancellationToken ct)
    {
        string? commit = null;
        var blobs = BlobIds();
        string[] arguments = ["rev-list", "--objects", "--in-commit-order", "--reverse", .. revisions];
        foreach (var line in GitProcess.Lines(root, arguments))
        {
            ct.ThrowIfCancellationRequested();
            var space = line.IndexOf(' ');
            if (space < 0)
            {
                commit = line;
                _inventory.Commits++;
                continue;
            }

            var id = line[..space];
            if (blobs.Contains(id) && _seen.Add(id))
            {
                var path = line[(space + 1)..];
                if (path.Length == 0)
                {
                    _inventory.Add(id, $"(blob {id[..7]} named by a tag)", null, onHeadLine);
                    continue;
                }

                _inventory.Add(id, path, commit, onHeadLine);
            }
        }
    }

    private HashSet<string> BlobIds()
    {
        return _blobIds ??= GitProcess
            .Lines(root, "cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectname)")
            .Where(line => line.StartsWith("blob ", StringComparison.Ordinal))
            .Select(line => line[5..])
            .ToHashSet(StringComparer.Ordinal);
    }

    private void CollectPresent()
    {
        foreach (var line in GitProcess.Lines(root, "ls-tree", "-r", "--format=%(objecttype) %(objectname)", "HEAD"))
        {
            if (line.StartsWith("blob ", StringComparison.Ordinal))
            {
                _inventory.PresentBlobs.Add(line[5..]);
            }
        }
    }
}
