namespace MantisPipeline.Bench;

/// <summary>The size of a generated repository: its commits, its files and how big they are.</summary>
internal sealed record RepositoryShape(string Name, int Commits, int InitialFiles, int FileBytes, int Seed)
{
    /// <summary>About 6,400 commits and 12,000 unique blobs holding about 150 MiB of text.</summary>
    public static RepositoryShape History { get; } = new("history", 6400, 5600, 13_100, 6400);

    /// <summary>One commit of 3,500 files holding about 25 MiB: a working tree.</summary>
    public static RepositoryShape Tree { get; } = new("tree", 1, 3500, 7_500, 3500);
}
