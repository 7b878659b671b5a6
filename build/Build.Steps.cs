using MantisPipeline;
using MantisPipeline.App;
using MantisPipeline.Audit;
using MantisPipeline.Containers;
using MantisPipeline.Database;
using MantisPipeline.Deployment;
using MantisPipeline.Engine.Logging;
using MantisPipeline.Environments;
using MantisPipeline.Findings;
using MantisPipeline.Gates;
using MantisPipeline.Gates.Health;
using MantisPipeline.Gates.Perf;
using MantisPipeline.Gates.Smoke;
using MantisPipeline.Releases;
using MantisPipeline.Secrets;
using MantisPipeline.Secrets.Baseline;

/// <summary>What each target does, wired from the pipeline's parts.</summary>
sealed partial class Build
{
    DeployEnvironment? _environment;
    DockerEngine? _docker;
    ReleaseDeployer? _deployer;
    BuiltImage? _image;
    DeployLock? _lock;

    DeployEnvironment Environment =>
        _environment ??= new EnvironmentCatalog(Path.Combine(DeployDir, "environments")).Load(Env!);

    DockerEngine Docker => _docker ??= new DockerEngine(Environment.Docker.Endpoint);

    AppProject App => new(Path.Combine(DeployDir, "app"));

    ReleaseLedger Ledger => new(DatabaseConnectionString, Environment.Name);

    ReleaseDeployer Deployer => _deployer ??= new ReleaseDeployer(Environment, Docker, Ledger);

    string DatabaseConnectionString =>
        PostgresUrl.ToConnectionString(Environment.Database.Require("database", Environment.Name));

    /// <summary>Local fills its own connection variables; every other environment needs them set.</summary>
    bool ConnectionVariablesAreSet =>
        Env is null || Environment.IsLocal
        || (Environment.Database.Read() is not null && Environment.Redis.Read() is not null);

    const string MissingConnectionVariables =
        "the environment's connection strings are not set. Export the variables that its " +
        "file names in database.url_from and redis.url_from (in GitHub Actions, from the " +
        "environment's secrets).";

    bool SmokeGateEnabled => Environment.Gates.SmokeEnabled;

    /// <summary>A deploy switches traffic only when its gates and its verdict will run after it.</summary>
    bool NoGateIsSkipped =>
        new[] { nameof(HealthGate), nameof(SmokeGate), nameof(PerfGate), nameof(Promote), nameof(AutoRollback) }
            .All(ScheduledTargets.Contains);

    /// <summary>This run switched to a release that is neither promoted nor rolled back yet.</summary>
    bool ReleaseAwaitsVerdict => _deployer?.Candidate is not null;

    static string StartedBy =>
        System.Environment.GetEnvironmentVariable("GITHUB_ACTOR") ?? System.Environment.UserName;

    string Artifacts(string name) => Path.Combine(ArtifactsDir, name);

    string AppRepository => Path.GetFullPath(Repository ?? RootDirectory);

    protected override void OnBuildFinished() => _lock?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    // Taken before the first change to the environment and held until the build ends.
    async Task LockEnvironmentAsync(CancellationToken ct)
    {
        var owner = $"{StartedBy}@{System.Environment.MachineName} pid {System.Environment.ProcessId}";
        _lock ??= await DeployLock.AcquireAsync(DatabaseConnectionString, Environment.Name, owner, ct);
    }

    protected override void OnBuildInitialized()
    {
        // Read the environment before any target runs, so that a typo in --env or in its
        // file stops the build with nothing done.
        if (Env is not null)
        {
            _ = Environment;
        }
    }

    SecretScanner SecretScanner => SecretScanner.Create(new SecretScanOptions
    {
        Mode = Staged ? SecretScanMode.Staged()
            : Since is not null ? SecretScanMode.Since(Since)
            : SecretScanMode.History(),
        BaselineFile = SecretsBaseline,
        RuleFile = SecretRules,
    });

    async Task ScanForSecretsAsync(CancellationToken ct)
    {
        var result = await SecretScanner.ScanAsync(AppRepository, ct);
        await SecretScanVerdict.ReportAsync(result, AppRepository, ArtifactsDir, ct);
    }

    async Task AcceptSecretsAsync(CancellationToken ct)
    {
        var result = await SecretScanner.ScanAsync(AppRepository, ct);
        var path = Path.Combine(AppRepository, SecretsBaseline ?? SecretBaseline.DefaultFileName);

        SecretBaseline.Load(path).Accept(result.Findings, Reason!).Save(path);
        Log.Information($"Accepted {result.Findings.Count} finding(s) in {path}; commit the file.");
    }

    Task AuditConfigurationAsync(CancellationToken ct) =>
        AuditVerdict.RunAsync(Environment, AppRepository, ArtifactsDir, ct);

    async Task BuildAndPushImageAsync(CancellationToken ct)
    {
        var version = ReleaseVersion.Read(AppRepository, App.Directory);
        var images = new AppImage(Environment, Docker);

        _image = await images.ExistingAsync(version, ct);
        if (_image is not null)
        {
            Log.Information($"{_image.Reference} was built from commit {version.Commit[..7]} already; reusing it");
        }
        else
        {
            var publish = await App.PublishAsync(Artifacts("publish"), ct);
            _image = await images.BuildAsync(App, publish, version, ct);
        }

        if ((Registry ?? Environment.Docker.Registry) is { } registry)
        {
            var credentials = RegistryUser is null
                ? null
                : new RegistryCredentials(RegistryUser, RegistryPassword ?? "");
            _image = await images.PushAsync(_image, version, registry, credentials, ct);
        }
    }

    async Task MigrateAsync(CancellationToken ct)
    {
        await LockEnvironmentAsync(ct);
        var options = new MigrationOptions { AppliedBy = StartedBy };
        var runner = new MigrationRunner(DatabaseConnectionString, options);
        await runner.RunAsync(Path.Combine(DeployDir, "migrations"), ct);
    }

    async Task StartReleaseAsync(CancellationToken ct)
    {
        await LockEnvironmentAsync(ct);
        var version = ReleaseVersion.Read(AppRepository, App.Directory);
        var image = _image ?? await ExistingImageAsync(version, ct);
        await Deployer.StartAsync(image.Reference, image.Id, version, StartedBy, ct);
    }

    async Task RunHealthGateAsync(CancellationToken ct)
    {
        var options = new HealthGateOptions
        {
            Timeout = Environment.Gates.HealthTimeout,
            ExpectedVersion = Deployer.Candidate?.Version,
        };
        await JudgeAsync(new HealthGate(Environment.AppUrl, options), ct);
    }

    async Task RunSmokeGateAsync(CancellationToken ct)
    {
        var options = new SmokeGateOptions
        {
            ArtifactsDirectory = Artifacts("smoke"),
            ExpectedVersion = Deployer.Candidate?.Version,
            ExpectedReleaseId = Deployer.Candidate?.Id.ToString(),
        };
        await JudgeAsync(new SmokeGate(Environment.AppUrl, options), ct);
    }

    async Task RunPerfGateAsync(CancellationToken ct)
    {
        var gates = Environment.Gates;
        var options = new PerfGateOptions
        {
            Endpoints = gates.PerfEndpoints.Select(path => new PerfEndpoint(path)).ToList(),
            RequestsPerEndpoint = gates.PerfRequests,
            Concurrency = gates.PerfConcurrency,
            Thresholds = new PerfThresholds
            {
                P95Ms = gates.PerfP95Milliseconds,
                MaxErrorRate = gates.PerfMaxErrorRate,
            },
        };
        await JudgeAsync(new PerfGate(Environment.AppUrl, options), ct);
    }

    // A release is promoted only on its gates' word: a gate skipped by hand is no pass.
    async Task PromoteAsync(CancellationToken ct)
    {
        var gates = SmokeGateEnabled
            ? new[] { nameof(HealthGate), nameof(SmokeGate), nameof(PerfGate) }
            : [nameof(HealthGate), nameof(PerfGate)];
        var ungated = gates.Except(SucceededTargets).ToList();
        if (ungated.Count > 0)
        {
            throw new PipelineException(
                $"Release {Deployer.Candidate?.Id} cannot be promoted: {string.Join(", ", ungated)} " +
                "did not pass in this run (skipped or not run). Deploy without skipping the gates.");
        }

        await Deployer.PromoteAsync(ct);
    }

    async Task RollBackFailedReleaseAsync(CancellationToken ct)
    {
        var reason = FailedTargets.Count > 0
            ? $"{string.Join(", ", FailedTargets)} failed"
            : "the deploy was cancelled";
        await Deployer.RollBackAsync(reason, ct);
    }

    async Task RollBackAsync(CancellationToken ct)
    {
        await LockEnvironmentAsync(ct);
        await new ManualRollback(Environment, Docker, Ledger).RunAsync(To, StartedBy, ct);
    }

    async Task ListReleasesAsync(CancellationToken ct)
    {
        await Ledger.EnsureCreatedAsync(ct);
        LedgerTable.Write(await Ledger.ListAsync(20, ct));
    }

    async Task<BuiltImage> ExistingImageAsync(ReleaseVersion version, CancellationToken ct)
    {
        var registry = Registry ?? Environment.Docker.Registry;
        var reference = new AppImage(Environment, Docker).ReferenceFor(version, registry);
        var image = await Docker.InspectImageAsync(reference, ct) ?? throw new PipelineException(
            $"There is no image {reference} for this commit: run BuildImage first (do not --skip it).");
        return new BuiltImage(reference, image.Id);
    }

    static async Task JudgeAsync(IGate gate, CancellationToken ct)
    {
        var result = await gate.RunAsync(ct);
        GateReport.Print(result);
        if (!result.Passed)
        {
            throw new PipelineException(
                $"The {result.Gate.ToLowerInvariant()} gate's verdict is {result.Verdict}: the " +
                "release is not fit to serve (its checks are above).");
        }
    }
}
