namespace MantisPipeline.Containers;

/// <summary>
/// What to build: the context folder sent to the engine, the Dockerfile (inside the context
/// or anywhere else), and the build arguments, tags and labels of the resulting image.
/// </summary>
public sealed record ImageBuild(string ContextFolder, string Dockerfile, IReadOnlyList<string> Tags)
{
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } =
        new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } =
        new Dictionary<string, string>();
}
