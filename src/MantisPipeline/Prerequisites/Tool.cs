namespace MantisPipeline.Prerequisites;

/// <summary>A program the pipeline needs on this machine, and the Debian package that brings it.</summary>
public sealed record Tool(string Name, string Package, params string[] Candidates)
{
    public static readonly Tool DockerEngine = new("Docker engine", "docker.io", "dockerd");
    public static readonly Tool PostgreSql = new("PostgreSQL 15", "postgresql", "/usr/lib/postgresql/15/bin/initdb");
    public static readonly Tool Redis = new("Redis", "redis-server", "redis-server");
    public static readonly Tool Chromium = new("Chromium", "chromium", "/usr/bin/chromium", "chromium");
    public static readonly Tool Busybox = new("busybox (static)", "busybox-static", "/bin/busybox", "busybox");

    public string? Find() => Candidates.Select(Locate).FirstOrDefault(path => path is not null);

    private static string? Locate(string candidate)
    {
        if (Path.IsPathRooted(candidate))
        {
            return File.Exists(candidate) ? candidate : null;
        }

        var path = System.Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, candidate))
            .FirstOrDefault(File.Exists);
    }
}
