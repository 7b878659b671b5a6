using System.Security.Cryptography;
using System.Text;
using LibGit2Sharp;

namespace MantisPipeline.Secrets.History;

/// <summary>Adds the uncommitted content of tracked files, which no commit holds yet.</summary>
internal static class WorkingTreeFiles
{
    private const FileStatus Changed =
        FileStatus.NewInIndex | FileStatus.ModifiedInIndex | FileStatus.RenamedInIndex |
        FileStatus.ModifiedInWorkdir | FileStatus.RenamedInWorkdir | FileStatus.TypeChangeInWorkdir;

    public static void Add(Repository repository, HistoryInventory inventory)
    {
        if (repository.Info.IsBare)
        {
            return;
        }

        var known = inventory.Blobs.Select(blob => blob.Id).ToHashSet();
        var options = new StatusOptions { IncludeUntracked = false, IncludeIgnored = false };
        foreach (var entry in repository.RetrieveStatus(options))
        {
            if ((entry.State & Changed) == 0)
            {
                continue;
            }

            var file = Path.Combine(repository.Info.WorkingDirectory, entry.FilePath);
            if (!File.Exists(file))
            {
                continue;
            }

            var id = BlobId(File.ReadAllBytes(file));
            inventory.PresentBlobs.Add(id);
            if (known.Add(id))
            {
                var origin = new BlobOrigin(id, entry.FilePath, null, true, inventory.Blobs.Count, file);
                inventory.Blobs.Add(origin);
            }
        }
    }

    // Git's id of a blob: SHA-1 of a "blob <size>\0" header and the content.
    private static ObjectId BlobId(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        var hash = SHA1.HashData([.. header, .. content]);
        return new ObjectId(hash);
    }
}
