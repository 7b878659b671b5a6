namespace MantisPipeline.Secrets.History;

/// <summary>
/// Where a unique blob was first seen: its path and the commit that brought it. Commit is
/// null for a blob no commit holds: a tagged blob, a staged or an uncommitted file's content,
/// which is read from WorkingTreeFile instead of the object database.
/// </summary>
internal sealed record BlobOrigin(
    string Id,
    string Path,
    string? Commit,
    bool OnHeadLine,
    int Sequence,
    string? WorkingTreeFile = null);
