namespace MantisPipeline.Engine.Tests;

/// <summary>ScheduledTargets: what planning kept, readable by the build's requirements.</summary>
public sealed class ScheduleTests
{
    [Fact]
    public void Scheduled_targets_are_the_planned_ones_that_planning_did_not_skip()
    {
        var build = new GatedBuild();

        var result = BuildHarness.Run(build, x => x.Deploy, ["--skip", "Migrate"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["Deploy", "HealthGate"], build.ScheduledTargets);
        Assert.True(build.Deployed);
    }

    [Theory]
    [InlineData("--skip", "HealthGate")]
    [InlineData("--gates", "false")]
    public void A_requirement_can_insist_that_the_gates_are_scheduled(string flag, string value)
    {
        var build = new GatedBuild();

        var result = BuildHarness.Run(build, x => x.Deploy, [flag, value]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Target \"Deploy\" requires ScheduledTargets.Contains(\"HealthGate\"), " +
            "which is false.", result.Output);
        Assert.DoesNotContain("HealthGate", build.ScheduledTargets);
        Assert.False(build.Deployed);
    }

    [Fact]
    public void Scheduled_targets_are_known_when_only_the_plan_is_printed()
    {
        var build = new GatedBuild();

        var result = BuildHarness.Run(build, x => x.Deploy, ["--plan"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"3\.\s+HealthGate\s+triggered by Deploy", result.Output);
        Assert.Equal(["Migrate", "Deploy", "HealthGate"], build.ScheduledTargets);
        Assert.False(build.Deployed);
    }

    private sealed class GatedBuild : PipelineBuild
    {
        [Parameter("Whether the gates run")]
        private readonly bool Gates = true;

        public bool Deployed { get; private set; }

        public Target Migrate => _ => _.Executes(() => { });

        public Target Deploy => _ => _
            .DependsOn(Migrate)
            .Triggers(HealthGate)
            .Requires(() => ScheduledTargets.Contains("HealthGate"))
            .Executes(() => Deployed = true);

        public Target HealthGate => _ => _.OnlyWhenStatic(() => Gates).Executes(() => { });
    }
}
