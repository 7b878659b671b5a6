namespace MantisPipeline.Engine.Tests;

/// <summary>A failure may name the exit code, so that "no verdict" differs from "failed".</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public void A_failure_that_names_its_exit_code_sets_it_when_it_is_the_only_failure()
    {
        var result = BuildHarness.Run(new ScanBuild(), x => x.Scan, []);

        Assert.Equal(ExitCodes.NoVerdict, result.ExitCode);
        Assert.Contains("the history could not be read", result.Output);
    }

    [Fact]
    public void Failures_that_disagree_give_the_plain_failure_code()
    {
        var result = BuildHarness.Run(new ScanBuild { TestFails = true }, x => x.Scan, ["Test"]);

        Assert.Equal(ExitCodes.TargetFailed, result.ExitCode);
    }

    private sealed class NoVerdictException(string message) : Exception(message), IExitCode
    {
        public int ExitCode => ExitCodes.NoVerdict;
    }

    private sealed class ScanBuild : PipelineBuild
    {
        public bool TestFails { get; init; }

        public Target Scan => _ => _
            .ProceedAfterFailure()
            .Executes(() => throw new NoVerdictException("the history could not be read"));

        public Target Test => _ => _
            .After(Scan)
            .Executes(() =>
            {
                if (TestFails)
                {
                    throw new InvalidOperationException("a test failed");
                }
            });
    }
}
