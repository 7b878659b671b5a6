using MantisPipeline.Engine.Logging;
using MantisPipeline.Environments;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit;

/// <summary>Audits an app's checkout as one environment judges it, reports, and fails per its policy.</summary>
public static class AuditVerdict
{
    public static async Task RunAsync(
        DeployEnvironment environment, string repository, string artifactsDirectory, CancellationToken ct)
    {
        var context = ContextFor(environment, repository);
        WarnAboutUnreadConnections(environment, context);

        var result = await new ConfigAuditor().AuditAsync(repository, context, ct);

        AuditReport.Write(result);
        AuditReport.WriteJson(result, Path.Combine(artifactsDirectory, "audit.json"));
        SarifReport.Write(result.Findings, repository, Path.Combine(artifactsDirectory, "audit.sarif"));
        GitHubAnnotations.Write(result.Findings);

        if (result.Failed)
        {
            var threshold = context.FailAt?.ToString().ToLowerInvariant();
            throw new PipelineException(
                $"AuditConfig found configuration mistakes of {threshold} severity or above, " +
                $"which {environment.Name} does not accept. Fix them as each finding says, or " +
                "accept one for a while, with a reason and an expiry date, in the audit baseline " +
                $"({environment.File}: audit.baseline).");
        }
    }

    // Local fills its variables only when Prerequisites runs; elsewhere an unset one means
    // its URL's TLS and password go unaudited, which the user must hear about.
    private static void WarnAboutUnreadConnections(DeployEnvironment environment, AuditContext context)
    {
        var unset = new[]
            {
                (context.DatabaseUrl, environment.Database.Variable),
                (context.RedisUrl, environment.Redis.Variable),
            }
            .Where(pair => pair.Item1 is null)
            .Select(pair => pair.Variable)
            .ToList();

        if (unset.Count > 0 && !environment.IsLocal)
        {
            Log.Warning($"{string.Join(" and ", unset)} unset: the audit cannot judge those " +
                "connections (TLS, passwords). Export them to audit the environment in full.");
        }
    }

    private static AuditContext ContextFor(DeployEnvironment environment, string repository) => new()
    {
        EnvironmentName = environment.Name,
        IsLocal = environment.IsLocal,

        // Releases run with host networking: loopback inside them is the host's.
        AppRunsInContainer = false,
        DatabaseIsServerless = environment.Database.Serverless,
        DatabaseUrl = environment.Database.Read(),
        RedisUrl = environment.Redis.Read(),
        EnvironmentFile = environment.File,
        FailAt = environment.Audit.FailAt,
        BaselinePath = environment.Audit.Baseline is { } baseline ? Path.Combine(repository, baseline) : null,
    };
}
