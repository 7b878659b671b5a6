using MantisPipeline.Engine.Internal;

namespace MantisPipeline.Engine.Tests;

public sealed class ExecutionTests
{
    [Fact]
    public void Targets_run_in_plan_order_and_the_build_succeeds()
    {
        var build = new DeployBuild();

        var result = BuildHarness.Run(build, x => x.Deploy, []);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["Compile", "Test", "Deploy", "HealthGate", "Rollback"], build.Ran);
        Assert.Contains("── Deploy ──", result.Output);
        Assert.Matches(@"Build succeeded in \d+\.\ds", result.Output);
        Assert.Equal(["Compile", "Test", "Deploy", "HealthGate", "Rollback"], build.SucceededTargets);
        Assert.True(build.FinishedSuccessfully);
    }

    [Fact]
    public void A_failure_stops_later_targets_except_assured_ones()
    {
        var build = new DeployBuild { FailingTarget = "Test" };

        var result = BuildHarness.Run(build, x => x.Deploy, []);

        Assert.Equal(ExitCodes.TargetFailed, result.ExitCode);
        Assert.Equal(["Compile", "Test", "Rollback"], build.Ran);
        Assert.Matches(@"Deploy\s+│\s+NotRun", result.Output);
        Assert.Matches(@"Test\s+│\s+Failed", result.Output);
        Assert.Contains("Target \"Test\" failed:", result.Output);
        Assert.Contains("Test broke on purpose", result.Output);
        Assert.Contains("Build failed: Test failed", result.Output);
        Assert.Equal(["Test"], build.FailedTargets);
        Assert.Equal(["Test"], build.FailedTargetsSeenByRollback);
        Assert.False(build.FinishedSuccessfully);
    }

    [Fact]
    public void After_a_proceeding_failure_only_independent_targets_run()
    {
        var build = new ProceedBuild();

        var result = BuildHarness.Run(build, x => x.All, []);

        Assert.Equal(ExitCodes.TargetFailed, result.ExitCode);
        Assert.Equal(["Lint", "Docs"], build.Ran);
        Assert.Matches(@"Compile\s+│\s+Failed", result.Output);
        Assert.Matches(@"Package\s+│\s+NotRun", result.Output);
        Assert.Matches(@"All\s+│\s+NotRun", result.Output);
    }

    [Fact]
    public void Ctrl_C_cancels_the_running_target_and_assured_targets_run_with_a_live_token()
    {
        var build = new DeployBuild { CancelIn = "Deploy" };

        var result = BuildHarness.Run(build, x => x.Deploy, []);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Equal(["Compile", "Test", "Deploy", "Rollback"], build.Ran);
        Assert.Matches(@"Deploy\s+│\s+Cancelled", result.Output);
        Assert.Matches(@"HealthGate\s+│\s+NotRun", result.Output);
        Assert.Matches(@"Rollback\s+│\s+Succeeded", result.Output);
        Assert.False(build.RollbackSawCancelledToken);
        Assert.Contains("Build cancelled: Deploy cancelled", result.Output);
    }

    [Fact]
    public void A_second_Ctrl_C_cancels_the_assured_targets_too()
    {
        var build = new DeployBuild { CancelIn = "Deploy", CancelRollbackToo = true };

        var result = BuildHarness.Run(build, x => x.Deploy, []);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Matches(@"Rollback\s+│\s+Cancelled", result.Output);
    }

    [Fact]
    public void A_false_dynamic_condition_skips_at_run_time()
    {
        var build = new DeployBuild { HealthGateEnabled = false };

        var result = BuildHarness.Run(build, x => x.Deploy, []);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["Compile", "Test", "Deploy", "Rollback"], build.Ran);
        Assert.Matches(@"HealthGate\s+│\s+Skipped", result.Output);
        Assert.Contains("its condition HealthGateEnabled is false", result.Output);
    }

    [Fact]
    public void Plan_prints_the_order_with_reasons_and_runs_nothing()
    {
        var build = new DeployBuild();

        var result = BuildHarness.Run(build, x => x.Deploy, ["--plan", "--skip", "test"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Matches(@"1\.\s+Compile\s+dependency of Test", result.Output);
        Assert.Matches(@"2\.\s+Test\s+dependency of Deploy\s+skipped: --skip", result.Output);
        Assert.Matches(@"3\.\s+Deploy\s+invoked", result.Output);
        Assert.Matches(@"4\.\s+HealthGate\s+triggered by Deploy", result.Output);
    }

    [Fact]
    public void Named_targets_are_case_insensitive_and_replace_the_default()
    {
        var build = new DeployBuild();

        var result = BuildHarness.Run(build, x => x.Deploy, ["test"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["Compile", "Test"], build.Ran);
        Assert.Equal(["Test"], build.InvokedTargets);
    }

    [Fact]
    public void DependentFor_TriggeredBy_and_Before_work_like_their_forward_forms()
    {
        var build = new ReverseBuild();

        var result = BuildHarness.Run(build, x => x.Deploy, []);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["Migrate", "Deploy", "Smoke"], build.Ran);
    }

    [Fact]
    public void Verbose_shows_the_stack_trace_and_normal_does_not()
    {
        var normal = BuildHarness.Run(new DeployBuild { FailingTarget = "Test" }, x => x.Deploy, []);
        var verbose = BuildHarness.Run(
            new DeployBuild { FailingTarget = "Test" }, x => x.Deploy, ["--verbosity", "verbose"]);

        Assert.DoesNotContain("   at ", normal.Output);
        Assert.Contains("   at ", verbose.Output);
    }

    private sealed class DeployBuild : PipelineBuild
    {
        private readonly ManualClock _clock = new();

        public DeployBuild()
        {
            Cancellation = new BuildCancellation(_clock);
        }

        public List<string> Ran { get; } = [];

        public string? FailingTarget { get; init; }

        public string? CancelIn { get; init; }

        public bool CancelRollbackToo { get; init; }

        public bool HealthGateEnabled { get; init; } = true;

        public bool RollbackSawCancelledToken { get; private set; }

        public IReadOnlyCollection<string> FailedTargetsSeenByRollback { get; private set; } = [];

        public bool FinishedSuccessfully { get; private set; }

        public Target Compile => _ => _.Executes(() => Step("Compile"));

        public Target Test => _ => _.DependsOn(Compile).Executes(() => Step("Test"));

        public Target Deploy => _ => _
            .DependsOn(Test)
            .Triggers(HealthGate)
            .Executes(async ct => await StepAsync("Deploy", ct));

        public Target HealthGate => _ => _
            .OnlyWhenDynamic(() => HealthGateEnabled)
            .Executes(() => Step("HealthGate"));

        public Target Rollback => _ => _
            .TriggeredBy(HealthGate)
            .AssuredAfterFailure()
            .Executes(async ct =>
            {
                Ran.Add("Rollback");
                FailedTargetsSeenByRollback = FailedTargets;
                RollbackSawCancelledToken = ct.IsCancellationRequested;
                if (CancelRollbackToo)
                {
                    // Past the second in which a repeated request counts as the first one.
                    _clock.Advance(TimeSpan.FromSeconds(2));
                    Cancellation.Request();
                    await Task.Delay(Timeout.Infinite, ct);
                }
            });

        protected override void OnBuildFinished() => FinishedSuccessfully = IsSuccessful;

        private void Step(string name)
        {
            Ran.Add(name);
            if (name == FailingTarget)
            {
                throw new InvalidOperationException($"{name} broke on purpose");
            }
        }

        private async Task StepAsync(string name, CancellationToken ct)
        {
            Step(name);
            if (name == CancelIn)
            {
                Cancellation.Request();
                await Task.Delay(Timeout.Infinite, ct);
            }
        }
    }

    private sealed class ProceedBuild : PipelineBuild
    {
        public List<string> Ran { get; } = [];

        public Target Lint => _ => _.Executes(() => Ran.Add("Lint"));

        public Target Compile => _ => _
            .ProceedAfterFailure()
            .Executes(() => throw new InvalidOperationException("compiler crashed"));

        public Target Package => _ => _.DependsOn(Compile).Executes(() => Ran.Add("Package"));

        public Target Docs => _ => _.Executes(() => Ran.Add("Docs"));

        public Target All => _ => _.DependsOn(Lint, Package, Docs).Executes(() => Ran.Add("All"));
    }

    private sealed class ReverseBuild : PipelineBuild
    {
        public List<string> Ran { get; } = [];

        public Target Smoke => _ => _.TriggeredBy(Deploy).Executes(() => Ran.Add("Smoke"));

        public Target Deploy => _ => _.Executes(() => Ran.Add("Deploy"));

        public Target Migrate => _ => _
            .DependentFor(Deploy)
            .Before(Smoke)
            .Executes(() => Ran.Add("Migrate"));
    }
}
