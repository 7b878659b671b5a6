using MantisPipeline.Containers;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Environments;
using MantisPipeline.Local;

namespace MantisPipeline.Prerequisites;

/// <summary>
/// Checks that what the environment needs is there and running. For the local environment
/// it installs (Debian, root) and starts what is missing, and hands the URLs of the
/// PostgreSQL and Redis it runs to the later targets through the environment's variables.
/// </summary>
public sealed class PrerequisiteCheck(DeployEnvironment environment, DockerEngine docker, bool autoSetup)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var tools = environment.IsLocal
            ? new[] { Tool.DockerEngine, Tool.PostgreSql, Tool.Redis, Tool.Chromium, Tool.Busybox }
            : environment.Gates.SmokeEnabled ? new[] { Tool.Chromium } : [];
        await EnsureInstalledAsync(tools, ct);

        if (environment.LocalServices is { } services)
        {
            await DockerDaemon.EnsureRunningAsync(docker, autoSetup, services.StateDirectory, ct);
            await StartServicesAsync(services, ct);
            await BaseImage.EnsureAsync(docker, environment.App.BaseImage, ct);
            return;
        }

        await docker.PingAsync(ct);
        environment.Database.Require("database", environment.Name);
        environment.Redis.Require("Redis", environment.Name);
        Log.Information($"The Docker engine answers and both connection strings are set for {environment.Name}");
    }

    private async Task EnsureInstalledAsync(IReadOnlyCollection<Tool> tools, CancellationToken ct)
    {
        var missing = tools.Where(tool => tool.Find() is null).ToList();
        foreach (var tool in tools.Except(missing))
        {
            Log.Information($"{tool.Name}: {tool.Find()}");
        }

        if (missing.Count == 0)
        {
            return;
        }

        var packages = missing.Select(tool => tool.Package).ToList();
        if (!autoSetup || !SystemPackages.CanInstall)
        {
            throw new PipelineException(
                $"Missing on this machine: {string.Join(", ", missing.Select(t => t.Name))}. " +
                $"Install them with: {SystemPackages.ManualSteps(packages)}" +
                (autoSetup ? " (the pipeline installs them itself only on Debian, run as root)." : "."));
        }

        await SystemPackages.InstallAsync(packages, ct);
    }

    private async Task StartServicesAsync(LocalServices services, CancellationToken ct)
    {
        var postgres = await LocalPostgres.StartAsync(services.StateDirectory, services.PostgresPort, ct);
        var redis = await LocalRedis.StartAsync(services.StateDirectory, services.RedisPort, ct);

        Hand(environment.Database, postgres.DatabaseUrl, "PostgreSQL");
        Hand(environment.Redis, redis.Url, "Redis");
    }

    // A variable the user set wins, so that a release can be deployed with another configuration.
    private static void Hand(ConnectionSource source, string url, string service)
    {
        ConnectionSource.MaskUrl(url);
        if (source.Read() is not null)
        {
            Log.Information($"{source.Variable} is set already; the release uses it, not the local {service}");
            return;
        }

        System.Environment.SetEnvironmentVariable(source.Variable, url);
    }
}
