namespace MantisPipeline.Tests.Local;

/// <summary>A state folder for one test, deleted afterwards.</summary>
internal sealed class TempStateFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mantis-state-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
