namespace MantisPipeline.Containers;

/// <summary>
/// A container's state as inspected. Holds the names of its environment variables, never
/// their values, so that it can be logged or printed safely.
/// </summary>
public sealed record ContainerStatus(
    string Id,
    string Name,
    string Image,
    string ImageId,
    string State,
    bool Running,
    long ExitCode,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<string> EnvNames,
    IReadOnlyDictionary<string, string> Labels);
