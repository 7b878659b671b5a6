namespace MantisPipeline.Containers;

/// <summary>An image as the engine describes it: id, tags, registry digests and labels.</summary>
public sealed record ImageInfo(
    string Id,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Digests,
    IReadOnlyDictionary<string, string> Labels,
    long Size,
    DateTimeOffset Created);
