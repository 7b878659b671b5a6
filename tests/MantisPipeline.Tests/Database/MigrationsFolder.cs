namespace MantisPipeline.Tests.Database;

/// <summary>A temp deploy/migrations folder that a test fills with scripts.</summary>
internal sealed class MigrationsFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mantis-migrations-").FullName;

    public MigrationsFolder With(string fileName, string sql)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), sql);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
