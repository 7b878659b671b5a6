using System.Security.Cryptography;
using System.Text;
using LibGit2Sharp;

namespace MantisPipeline.Secrets.History;

/// <summary>Adds what no commit holds yet: staged content and uncommitted changes to tracked files.</summary>
internal static class WorkingTreeFiles
{
    private const FileStatus Changed =
        FileStatus.ModifiedInWorkdir | FileStatus.RenamedInWorkdir | FileStatus.TypeChangeInWorkdir;

    private static readonly ChangeKind[] StagedKinds =
        [ChangeKind.Added, ChangeKind.Modified, ChangeKind.Renamed, ChangeKind.Copied, ChangeKind.TypeChanged];

    /// <summary>Blobs the index holds that HEAD does not: what the next commit would add.</summary>
    public static void AddStaged(Repository repository, HistoryInventory inventory)
    {
        var changes = repository.Diff.Compare<TreeChanges>(repository.Head.Tip?.Tree, DiffTargets.Index);
        foreach (var change in changes.Where(change => StagedKinds.Contains(change.Status)))
        {
            var id = change.Oid.Sha;
            inventory.PresentBlobs.Add(id);
            if (inventory.Blobs.TrueForAll(blob => blob.Id != id))
            {
                inventory.Add(id, change.Path, null, onHeadLine: true);
            }
        }
    }

    /// <summary>Tracked files whose content in the working tree differs from the index.</summary>
    public static void AddUncommitted(Repository repository, HistoryInventory inventory)
    {
        if (repository.Info.IsBare)
        {
            return;
        }

        AddStaged(repository, inventory);
        var known = inventory.Blobs.Select(blob => blob.Id).ToHashSet(StringComparer.Ordinal);
        var options = new StatusOptions { IncludeUntracked = false, IncludeIgnored = false };
        foreach (var entry in repository.RetrieveStatus(options))
        {
            var file = Path.Combine(repository.Info.WorkingDirectory, entry.FilePath);
            if ((entry.State & Changed) == 0 || !File.Exists(file))
            {
                continue;
            }

            var id = BlobId(File.ReadAllBytes(file));
            inventory.PresentBlobs.Add(id);
            if (known.Add(id))
            {
                inventory.Add(id, entry.FilePath, null, onHeadLine: true, workingTreeFile: file);
            }
        }
    }

    // Git's id of a blob: SHA-1 of a "blob <size>\0" header and the content.
    private static string BlobId(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
    }
}
