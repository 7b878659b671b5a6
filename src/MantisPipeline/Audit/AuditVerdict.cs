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
