using LibGit2Sharp;

namespace MantisPipeline.Secrets.History;

/// <summary>Every unique blob of a repository's history, in the order it was introduced.</summary>
internal sealed class HistoryInventory
{
    public List<BlobOrigin> Blobs { get; } = [];

    /// <summary>Blobs in HEAD's tree and in uncommitted tracked files: what is present now.</summary>
    public HashSet<ObjectId> PresentBlobs { get; } = [];

    public int Commits { get; set; }

    public int Refs { get; set; }
}
