using LibGit2Sharp;

namespace MantisPipeline.Secrets.History;

/// <summary>
/// Walks every commit reachable from any ref (branches, remotes, tags, stashes, notes) and
/// lists each unique blob once, with the commit that introduced it.
/// </summary>
internal sealed class HistoryWalker(Repository repository)
{
    private const CommitSortStrategies OldestFirst =
        CommitSortStrategies.Topological | CommitSortStrategies.Time | CommitSortStrategies.Reverse;

    private readonly HashSet<ObjectId> _seenTrees = [];
    private readonly HashSet<ObjectId> _seenBlobs = [];
    private readonly HistoryInventory _inventory = new();

    public HistoryInventory Walk(CancellationToken ct)
    {
        var tips = new Tips();
        CollectTips(tips);
        var head = repository.Head.Tip;

        // HEAD's line first, so that a blob on it is attributed to it even when another
        // ref also holds it: that is the history a clean-up has to rewrite.
        if (head is not null)
        {
            WalkCommits(new CommitFilter { IncludeReachableFrom = head, SortBy = OldestFirst }, true, ct);
            CollectPresent(head.Tree, "");
        }

        if (tips.Commits.Count > 0)
        {
            var others = new CommitFilter { IncludeReachableFrom = tips.Commits, SortBy = OldestFirst };
            if (head is not null)
            {
                others.ExcludeReachableFrom = head;
            }

            WalkCommits(others, false, ct);
        }

        WalkTaggedObjects(tips);
        return _inventory;
    }

    private void CollectTips(Tips tips)
    {
        foreach (var reference in repository.Refs)
        {
            _inventory.Refs++;
            tips.Add(reference.ResolveToDirectReference()?.Target, reference.CanonicalName);
        }

        // refs/stash names only the newest stash; the older ones live in its reflog.
        foreach (var stash in repository.Stashes)
        {
            tips.Add(stash.WorkTree, stash.CanonicalName);
        }
    }

    private void WalkCommits(CommitFilter filter, bool onHeadLine, CancellationToken ct)
    {
        foreach (var commit in repository.Commits.QueryBy(filter))
        {
            ct.ThrowIfCancellationRequested();
            _inventory.Commits++;
            var origin = new CommitOrigin(commit.Sha, commit.Author.Name, commit.Author.When);
            VisitTree(commit.Tree, "", origin, onHeadLine);
        }
    }

    private void VisitTree(Tree tree, string prefix, CommitOrigin? origin, bool onHeadLine)
    {
        // A tree seen before holds only blobs seen before, so unchanged folders cost nothing.
        if (!_seenTrees.Add(tree.Id))
        {
            return;
        }

        foreach (var entry in tree)
        {
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                VisitTree((Tree)entry.Target, prefix + entry.Name + "/", origin, onHeadLine);
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob)
            {
                AddBlob(entry.Target.Id, prefix + entry.Name, origin, onHeadLine);
            }
        }
    }

    private void AddBlob(ObjectId id, string path, CommitOrigin? origin, bool onHeadLine)
    {
        if (_seenBlobs.Add(id))
        {
            _inventory.Blobs.Add(new BlobOrigin(id, path, origin, onHeadLine, _inventory.Blobs.Count));
        }
    }

    private void CollectPresent(Tree tree, string prefix)
    {
        foreach (var entry in tree)
        {
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                CollectPresent((Tree)entry.Target, prefix + entry.Name + "/");
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob)
            {
                _inventory.PresentBlobs.Add(entry.Target.Id);
            }
        }
    }

    // A tag may name a tree or a blob directly; such objects belong to no commit.
    private void WalkTaggedObjects(Tips tips)
    {
        foreach (var (target, name) in tips.Others)
        {
            if (target is Tree tree)
            {
                VisitTree(tree, name + ":", null, false);
            }
            else if (target is Blob blob)
            {
                AddBlob(blob.Id, name, null, false);
            }
        }
    }

    private sealed class Tips
    {
        public List<Commit> Commits { get; } = [];

        public List<(GitObject Target, string Name)> Others { get; } = [];

        public void Add(GitObject? target, string name)
        {
            while (target is TagAnnotation tag)
            {
                target = tag.Target;
            }

            if (target is Commit commit)
            {
                Commits.Add(commit);
            }
            else if (target is not null)
            {
                Others.Add((target, name));
            }
        }
    }
}
