using System.Diagnostics;
using MantisPipeline.Audit.Baseline;
using MantisPipeline.Audit.Compose;
using MantisPipeline.Audit.Repository;
using MantisPipeline.Audit.Rules;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Environments;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit;

/// <summary>Audits an application's repository and its environment for the review's configuration mistakes.</summary>
public sealed class ConfigAuditor(AuditOptions options)
{
    private static readonly IReadOnlyList<IAuditCheck> Checks =
    [
        new TrackedSensitiveFileCheck(), new EndpointFallbackCheck(), new HardCodedAddressCheck(),
        new PoolLimitsCheck(), new StatementTimeoutCheck(), new DatabaseTlsCheck(), new RedisCheck(),
        new WeakSecretCheck(), new LoopbackTrustCheck(), new ComposeHygieneCheck(),
    ];

    public ConfigAuditor()
        : this(new AuditOptions())
    {
    }

    public Task<AuditResult> AuditAsync(string repositoryPath, AuditContext context, CancellationToken ct) =>
        Task.Run(() => Audit(repositoryPath, context, ct), ct);

    private AuditResult Audit(string repositoryPath, AuditContext context, CancellationToken ct)
    {
        ConnectionSource.MaskUrl(context.DatabaseUrl);
        ConnectionSource.MaskUrl(context.RedisUrl);
        var baseline = AuditBaseline.Load(context.BaselinePath);
        var clock = Stopwatch.StartNew();

        var snapshot = RepositorySnapshot.Load(repositoryPath, options, ct);
        foreach (var file in snapshot.Files)
        {
            ContainerLines.Mark(file);
        }

        var input = new AuditInput(snapshot, context, options);
        var findings = Checks.SelectMany(c => c.Check(input))
            .DistinctBy(f => (f.RuleId, f.Path, f.Line, f.Fingerprint))
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ToList();

        var (open, accepted, expired, stale) = baseline.Apply(findings, context.Today);
        Log.Debug($"Audit read {snapshot.Files.Count} files of {snapshot.Root} in {clock.ElapsedMilliseconds} ms.");

        return new AuditResult(
            snapshot.Root, context.EnvironmentName, context.FailAt, snapshot.Files.Count,
            open, accepted, expired, stale);
    }

    public static IReadOnlyList<Rules.AuditRule> Rules => AuditRules.All;
}
