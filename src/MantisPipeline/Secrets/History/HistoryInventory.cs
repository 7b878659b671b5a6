namespace MantisPipeline.Secrets.History;

/// <summary>Every unique blob a scan reads, oldest first: the first sighting is the introduction.</summary>
internal sealed class HistoryInventory
{
    public List<BlobOrigin> Blobs { get; } = [];

    /// <summary>Blobs in HEAD's tree and in uncommitted tracked files: what is present now.</summary>
    public HashSet<string> PresentBlobs { get; } = new(StringComparer.Ordinal);

    public int Commits { get; set; }

    public int Refs { get; set; }

    public void Add(string id, string path, string? commit, bool onHeadLine, string? workingTreeFile = null)
    {
        Blobs.Add(new BlobOrigin(id, path, commit, onHeadLine, Blobs.Count, workingTreeFile));
    }
}
