namespace MantisPipeline.Containers;

/// <summary>One line of a container listing.</summary>
public sealed record ContainerSummary(
    string Id,
    string Name,
    string Image,
    string ImageId,
    string State,
    IReadOnlyDictionary<string, string> Labels);
