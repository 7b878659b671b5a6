namespace MantisPipeline.Engine.Tests;

public sealed class HelpTests
{
    [Fact]
    public void Help_lists_targets_parameters_and_options_and_runs_nothing()
    {
        var build = new DocumentedBuild();

        var result = BuildHarness.Run(build, x => x.Deploy, ["-h"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.False(build.Ran);
        Assert.Matches(@"Migrate\s+Applies the pending migrations", result.Output);
        Assert.Matches(@"Deploy \(default\)\s+Starts the new release\s+depends on Migrate", result.Output);
        Assert.Matches(@"--env <string>\s+Environment to deploy to\s+default: local", result.Output);
        Assert.Matches(@"--fast\s+Skip the smoke test\s+default: false", result.Output);
        Assert.Matches(@"--wait <TimeSpan>\s+How long to wait\s+default: 00:00:30", result.Output);
        Assert.Contains("--skip [targets...]", result.Output);
        Assert.Contains("--plan", result.Output);
    }

    private sealed class DocumentedBuild : PipelineBuild
    {
        [Parameter("Environment to deploy to")]
        private readonly string Env = "local";

        [Parameter("Skip the smoke test")]
        private readonly bool Fast = false;

        [Parameter("How long to wait")]
        private readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

        public bool Ran { get; private set; }

        private Target Migrate => _ => _
            .Description("Applies the pending migrations")
            .Executes(() => Ran = true);

        public Target Deploy => _ => _
            .Description("Starts the new release")
            .DependsOn(Migrate)
            .Executes(() => Ran = Env.Length > 0 && !Fast && Wait > TimeSpan.Zero);
    }
}
