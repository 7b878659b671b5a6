namespace MantisPipeline.Containers;

/// <summary>Basic-auth credentials for a registry; the password never reaches a log.</summary>
public sealed record RegistryCredentials(string Username, string Password)
{
    public override string ToString() => $"RegistryCredentials {{ Username = {Username} }}";
}
