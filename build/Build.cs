using MantisPipeline.App;
using MantisPipeline.Containers;
using MantisPipeline.Deployment;
using MantisPipeline.Engine;
using MantisPipeline.Environments;
using MantisPipeline.Prerequisites;

/// <summary>
/// The pipeline's targets. Each stays a few lines: the work lives in src/MantisPipeline.
/// </summary>
sealed partial class Build : PipelineBuild
{
    public static int Main() => Execute<Build>(x => x.Deploy);

    [Parameter("Environment to work on: a file in deploy/environments (local, staging, production)")]
    readonly string? Env;

    [Parameter("The app's git repository to scan and audit; default: this repository")]
    readonly string? Repository;

    [Parameter("SecretScan: scan only the commits since this revision (pull requests, pushes)")]
    readonly string? Since;

    [Parameter("SecretScan: scan only the staged changes (a pre-commit hook)")]
    readonly bool Staged;

    [Parameter("SecretScan: the baseline of accepted findings; default .secrets-baseline.json")]
    readonly string? SecretsBaseline;

    [Parameter("SecretScan: a rule file that adds, overrides or turns off rules by id")]
    readonly string? SecretRules;

    [Parameter("AcceptSecrets: why the current findings are accepted")]
    readonly string? Reason;

    [Parameter("Registry to push the image to, such as 127.0.0.1:5000; default: the environment's")]
    readonly string? Registry;

    [Parameter("User name for the registry, when it asks for one")]
    readonly string? RegistryUser;

    [Parameter("Password or token for the registry"), Secret]
    readonly string? RegistryPassword;

    [Parameter("Release to roll back to (id or version); default: the one live before the current")]
    readonly string? To;

    [Parameter("Install and start what is missing for the local environment (Debian, as root)")]
    readonly bool AutoSetup = true;

    [Parameter("Folder with environments/, migrations/ and app/")]
    readonly string DeployDir = "deploy";

    [Parameter("Folder for reports, test results, screenshots and the publish output")]
    readonly string ArtifactsDir = "artifacts";

    Target Prerequisites => _ => _
        .Description("Checks the Docker engine, PostgreSQL, Redis and Chromium; local: installs and starts them")
        .Requires(() => Env)
        .Requires(() => ConnectionVariablesAreSet, MissingConnectionVariables)
        .Executes(ct => new PrerequisiteCheck(Environment, Docker, AutoSetup).RunAsync(ct));

    Target SecretScan => _ => _
        .Description("Scans the tracked files and the whole git history for leaked credentials")
        .Executes(ScanForSecretsAsync);

    Target AcceptSecrets => _ => _
        .Description("Accepts the current SecretScan findings into the baseline, with --reason")
        .Requires(() => Reason)
        .Executes(AcceptSecretsAsync);

    Target AuditConfig => _ => _
        .Description("Audits the app's configuration for the review's mistakes; fails per the environment")
        .Requires(() => Env)
        .After(Prerequisites)
        .Executes(AuditConfigurationAsync);

    Target Test => _ => _
        .Description("Runs the app's own tests and keeps the results (TRX)")
        .Executes(ct => App.TestAsync(Artifacts("test-results"), ct));

    Target BuildImage => _ => _
        .Description("Builds the app image, tagged with the git commit and labelled the OCI way")
        .DependsOn(Prerequisites)
        .After(Test)
        .Executes(BuildAndPushImageAsync);

    Target Migrate => _ => _
        .Description("Applies deploy/migrations to the environment's database")
        .DependsOn(Prerequisites)
        .After(BuildImage)
        .Executes(MigrateAsync);

    Target Deploy => _ => _
        .Description("Starts the new release, switches to it, gates it; rolls back when a gate fails")
        .DependsOn(Prerequisites, SecretScan, AuditConfig, Test, BuildImage, Migrate)
        .Requires(() => NoGateIsSkipped,
            "a deploy switches traffic only when HealthGate, SmokeGate, PerfGate, Promote and " +
            "AutoRollback run after it. Deploy without skipping them.")
        .Triggers(HealthGate, SmokeGate, PerfGate, Promote, AutoRollback)
        .Executes(StartReleaseAsync);

    Target HealthGate => _ => _
        .Description("Requires every check of /api/health/comprehensive healthy within the timeout")
        .DependsOn(Prerequisites)
        .After(Deploy)
        .Executes(RunHealthGateAsync);

    Target SmokeGate => _ => _
        .Description("Drives Chromium to the app's page and checks what a user sees")
        .DependsOn(Prerequisites)
        .After(HealthGate)
        .OnlyWhenDynamic(() => SmokeGateEnabled)
        .Executes(RunSmokeGateAsync);

    Target PerfGate => _ => _
        .Description("Sends a bounded load and checks p95 latency and the error rate")
        .DependsOn(Prerequisites)
        .After(SmokeGate)
        .Executes(RunPerfGateAsync);

    Target Promote => _ => _
        .Description("Marks the deployed release live once every gate passed")
        .After(PerfGate)
        .OnlyWhenDynamic(() => ReleaseAwaitsVerdict)
        .Executes(PromoteAsync);

    Target AutoRollback => _ => _
        .Description("After a failed gate, puts the previous release back and records it")
        .After(Promote)
        .AssuredAfterFailure()
        .OnlyWhenDynamic(() => ReleaseAwaitsVerdict)
        .Executes(RollBackFailedReleaseAsync);

    Target Rollback => _ => _
        .Description("Puts back the release before the live one (or --to <release>)")
        .DependsOn(Prerequisites)
        .Executes(RollBackAsync);

    Target Down => _ => _
        .Description("Stops the environment's release containers (kept); local: stops its PostgreSQL and Redis")
        .Requires(() => Env)
        .Executes(ct => new EnvironmentShutdown(Environment, Docker).RunAsync(ct));

    Target Releases => _ => _
        .Description("Lists the environment's releases, newest first, from its ledger")
        .DependsOn(Prerequisites)
        .Executes(ListReleasesAsync);
}
