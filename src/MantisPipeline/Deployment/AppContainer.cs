using MantisPipeline.Containers;
using MantisPipeline.Environments;

namespace MantisPipeline.Deployment;

/// <summary>The container one release runs in: its name, configuration and labels.</summary>
public static class AppContainer
{
    public const string EnvironmentLabel = "mantis.environment";
    public const string ReleaseLabel = "mantis.release";

    // The random tail keeps two deploys of one commit in the same second apart.
    public static string NameFor(DeployEnvironment environment, ReleaseVersion version) =>
        $"{environment.App.Name}-{environment.Name}-{version.Version}-{version.CreatedAt:yyyyMMddHHmmss}-" +
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2));

    /// <summary>
    /// The app reads only environment variables, so everything a release needs is here; the
    /// connection strings are secrets and are never logged.
    /// </summary>
    public static ContainerSpec Spec(
        DeployEnvironment environment, string name, string image, long releaseId, string version)
    {
        var variables = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{environment.App.Port}",
            ["DATABASE_URL"] = environment.Database.Require("database", environment.Name),
            ["REDIS_URL"] = environment.Redis.Require("Redis", environment.Name),
            ["APP_VERSION"] = version,
            ["APP_RELEASE"] = releaseId.ToString(),
        };

        var labels = new Dictionary<string, string>
        {
            [EnvironmentLabel] = environment.Name,
            [ReleaseLabel] = releaseId.ToString(),
        };

        return new ContainerSpec(name, image) { Env = variables, Labels = labels };
    }
}
