namespace MantisPipeline.Containers;

public enum RestartMode
{
    No,
    OnFailure,
    UnlessStopped,
    Always,
}

/// <summary>
/// A container to run on the host network. Env values may be secrets: they go to the engine
/// and nowhere else.
/// </summary>
public sealed record ContainerSpec(string Name, string Image)
{
    public IReadOnlyDictionary<string, string> Env { get; init; } =
        new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } =
        new Dictionary<string, string>();

    /// <summary>Replaces the image's CMD when set.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Replaces the image's ENTRYPOINT when set.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    public RestartMode Restart { get; init; } = RestartMode.No;

    public override string ToString() =>
        $"ContainerSpec {{ Name = {Name}, Image = {Image}, Env = [{string.Join(", ", Env.Keys)}] }}";
}
