using LibGit2Sharp;

namespace MantisPipeline.Secrets.History;

/// <summary>The commit that first brought a blob into the repository.</summary>
internal sealed record CommitOrigin(string Sha, string Author, DateTimeOffset Date);

/// <summary>
/// Where a unique blob was first seen. Commit is null for a tracked file's uncommitted
/// content, which is read from WorkingTreeFile instead of the object database.
/// </summary>
internal sealed record BlobOrigin(
    ObjectId Id,
    string Path,
    CommitOrigin? Commit,
    bool OnHeadLine,
    int Sequence,
    string? WorkingTreeFile = null);
