using MantisPipeline.Engine.Logging;
using MantisPipeline.Findings;

namespace MantisPipeline.Environments;

/// <summary>One place the app runs, as read from deploy/environments/&lt;name&gt;.yml.</summary>
public sealed record DeployEnvironment(
    string Name,
    string File,
    DockerSettings Docker,
    AppSettings App,
    ConnectionSource Database,
    ConnectionSource Redis,
    LocalServices? LocalServices,
    GateThresholds Gates,
    AuditPolicy Audit)
{
    /// <summary>The local environment runs its own PostgreSQL and Redis beside the pipeline.</summary>
    public bool IsLocal => LocalServices is not null;

    /// <summary>Releases bind to loopback with host networking, so this is where one answers.</summary>
    public Uri AppUrl => new($"http://127.0.0.1:{App.Port}");
}

public sealed record DockerSettings(string Endpoint, string? Registry);

/// <summary>How the app is run: its name, port, base image, and how long it may take to answer.</summary>
public sealed record AppSettings(
    string Name,
    int Port,
    string BaseImage,
    TimeSpan StartTimeout,
    int KeepReleases);

/// <summary>
/// Where a connection string comes from: always the name of an environment variable, so
/// that no environment file ever holds a secret.
/// </summary>
public sealed record ConnectionSource(string Variable, bool? Serverless = null)
{
    public string? Read()
    {
        var value = System.Environment.GetEnvironmentVariable(Variable);
        MaskUrl(value);
        return value;
    }

    public string Require(string what, string environment) =>
        Read() ?? throw new PipelineException(
            $"The {what} connection string for '{environment}' is not set: the environment " +
            $"definition reads it from the variable {Variable}. Export {Variable} before " +
            "running the build (in GitHub Actions, from a repository or environment secret).");

    /// <summary>Masks a URL and, on its own, the password inside it, wherever either is printed.</summary>
    public static void MaskUrl(string? url)
    {
        SecretMasker.Register(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.UserInfo.Contains(':'))
        {
            return;
        }

        var password = uri.UserInfo[(uri.UserInfo.IndexOf(':') + 1)..];
        SecretMasker.Register(password);
        SecretMasker.Register(Uri.UnescapeDataString(password));
    }
}

/// <summary>
/// Which configuration findings stop a deploy to this environment (none when FailAt is
/// null), and the baseline file that accepts known ones.
/// </summary>
public sealed record AuditPolicy(Severity? FailAt, string? Baseline);

/// <summary>The PostgreSQL and Redis that the local environment starts on loopback.</summary>
public sealed record LocalServices(string StateDirectory, int PostgresPort, int RedisPort);

public sealed record GateThresholds(
    TimeSpan HealthTimeout,
    bool SmokeEnabled,
    string? SmokeExpectedText,
    IReadOnlyList<string> PerfEndpoints,
    int PerfRequests,
    int PerfConcurrency,
    double PerfP95Milliseconds,
    double PerfMaxErrorRate);
