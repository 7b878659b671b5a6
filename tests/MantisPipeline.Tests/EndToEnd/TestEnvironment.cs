using MantisPipeline.Containers;
using MantisPipeline.Deployment;
using MantisPipeline.Environments;
using MantisPipeline.Local;

namespace MantisPipeline.Tests.EndToEnd;

/// <summary>
/// A throwaway environment for end-to-end runs of ./build.sh: its own copy of deploy/, its
/// own environment file with free loopback ports, and its own state folder, so that it
/// never touches the user's local environment.
/// </summary>
public sealed class TestEnvironment : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mantis-e2e-").FullName;

    public TestEnvironment(string? dockerEndpoint = null, bool localServices = true)
    {
        Name = "e2e" + Guid.NewGuid().ToString("N")[..6];
        AppPort = LoopbackPort.PickFree();
        PostgresPort = LoopbackPort.PickFree();
        RedisPort = LoopbackPort.PickFree();
        Variable = $"MANTIS_{Name.ToUpperInvariant()}";

        CopyDeployFolder();
        File.WriteAllText(
            Path.Combine(DeployDirectory, "environments", $"{Name}.yml"),
            Definition(dockerEndpoint ?? DockerEngine.DefaultEndpoint, localServices));
    }

    public string Name { get; }

    public int AppPort { get; }

    public int PostgresPort { get; }

    public int RedisPort { get; }

    public Uri AppUrl => new($"http://127.0.0.1:{AppPort}");

    public string DeployDirectory => Path.Combine(_root, "deploy");

    public string ArtifactsDirectory => Path.Combine(_root, "artifacts");

    public string StateDirectory => Path.Combine(_root, "state");

    public string DatabaseVariable => Variable + "_DATABASE_URL";

    public string RedisVariable => Variable + "_REDIS_URL";

    private string Variable { get; }

    public string[] Arguments(params string[] targets) =>
        [.. targets, "--env", Name, "--deploy-dir", DeployDirectory, "--artifacts-dir", ArtifactsDirectory];

    public Task<BuildOutcome> RunAsync(string[] targets, IReadOnlyDictionary<string, string>? variables = null) =>
        BuildScript.RunAsync(Arguments(targets), variables);

    public async ValueTask DisposeAsync()
    {
        var environments = new EnvironmentCatalog(Path.Combine(DeployDirectory, "environments"));
        using var docker = new DockerEngine();
        await new EnvironmentShutdown(environments.Load(Name), docker).RunAsync(CancellationToken.None);

        var labels = new Dictionary<string, string> { [AppContainer.EnvironmentLabel] = Name };
        foreach (var container in await docker.ListAsync(labels))
        {
            await docker.RemoveAsync(container.Name, force: true);
        }

        Directory.Delete(_root, recursive: true);
    }

    private string Definition(string dockerEndpoint, bool localServices)
    {
        var services = localServices
            ? $"""
              local_services:
                state_dir: {StateDirectory}
                postgres_port: {PostgresPort}
                redis_port: {RedisPort}
              """
            : "";

        return $"""
            docker:
              endpoint: {dockerEndpoint}
            app:
              name: {Name}-notes
              port: {AppPort}
              base_image: mantis/aspnet-base:10.0
              start_timeout: 40s
              keep_releases: 3
            database:
              url_from: {DatabaseVariable}
            redis:
              url_from: {RedisVariable}
            {services}
            gates:
              health:
                timeout: 8s
              perf:
                endpoints: [/api/health, /api/notes]
                requests: 60
                concurrency: 4
                p95_ms: 1000
                max_error_rate: 0.01
            """;
    }

    private void CopyDeployFolder()
    {
        var source = Path.Combine(BuildScript.RepositoryRoot, "deploy");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj") || parts[0] == "environments")
            {
                continue;
            }

            var target = Path.Combine(DeployDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(Path.Combine(DeployDirectory, "environments"));
    }
}
