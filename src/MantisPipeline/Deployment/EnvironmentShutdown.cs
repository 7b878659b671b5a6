using MantisPipeline.Containers;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Environments;
using MantisPipeline.Local;

namespace MantisPipeline.Deployment;

/// <summary>
/// Stops what an environment runs on this machine: its release containers (kept, so that
/// the next deploy or a rollback can use them) and, for local, its PostgreSQL and Redis
/// (their state folder and ledger are kept).
/// </summary>
public sealed class EnvironmentShutdown(DeployEnvironment environment, DockerEngine docker)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var labels = new Dictionary<string, string> { [AppContainer.EnvironmentLabel] = environment.Name };
        foreach (var container in await docker.ListAsync(labels, ct))
        {
            if (container.State == "running")
            {
                await docker.StopAsync(container.Name, TimeSpan.FromSeconds(10), ct);
            }
        }

        if (environment.LocalServices is not { } services)
        {
            return;
        }

        // Starting a running service only reuses it, which gives the handle that stops it; a
        // service never created has no folder and is left alone.
        if (Directory.Exists(Path.Combine(services.StateDirectory, "postgres")))
        {
            var postgres = await LocalPostgres.StartAsync(services.StateDirectory, services.PostgresPort, ct);
            await postgres.StopAsync();
        }

        if (Directory.Exists(Path.Combine(services.StateDirectory, "redis")))
        {
            var redis = await LocalRedis.StartAsync(services.StateDirectory, services.RedisPort, ct);
            await redis.StopAsync();
        }

        Log.Information($"The local services are stopped; their state stays in {services.StateDirectory}");
    }
}
