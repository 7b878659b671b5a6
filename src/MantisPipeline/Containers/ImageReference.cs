namespace MantisPipeline.Containers;

/// <summary>An image reference split the way the engine's API wants it: repository and tag.</summary>
public sealed record ImageReference(string Repository, string Tag)
{
    public const string DefaultTag = "latest";

    /// <summary>The registry host, or null for Docker Hub's implicit one.</summary>
    public string? Registry
    {
        get
        {
            var slash = Repository.IndexOf('/');
            if (slash < 0)
            {
                return null;
            }

            // Docker's own rule: the first part names a registry when it looks like a host.
            var first = Repository[..slash];
            var isHost = first.Contains('.') || first.Contains(':') || first == "localhost";
            return isHost ? first : null;
        }
    }

    public static ImageReference Parse(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Any(char.IsWhiteSpace))
        {
            throw new PipelineException(
                $"The image reference '{reference}' is not valid. Write it as "
                + "[registry/]name[:tag], for example 127.0.0.1:5000/mantis-demo:1.4.0.");
        }

        if (reference.Contains('@'))
        {
            return new ImageReference(reference, "");
        }

        // A colon after the last slash separates the tag; one before it is a registry port.
        var colon = reference.LastIndexOf(':');
        var slash = reference.LastIndexOf('/');
        if (colon > slash)
        {
            return new ImageReference(reference[..colon], reference[(colon + 1)..]);
        }

        return new ImageReference(reference, DefaultTag);
    }

    public override string ToString() =>
        Tag.Length == 0 ? Repository : $"{Repository}:{Tag}";
}
