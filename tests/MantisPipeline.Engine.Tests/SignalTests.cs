namespace MantisPipeline.Engine.Tests;

/// <summary>Real signals to a real build process, sent while its Deploy target runs.</summary>
public sealed class SignalTests(SignalProbe probe) : IClassFixture<SignalProbe>
{
    [Fact]
    public async Task SIGTERM_cancels_like_Ctrl_C_and_the_assured_target_still_runs()
    {
        using var deploy = await probe.StartDeploy();

        deploy.Signal(SignalProbe.SIGTERM);
        var result = await deploy.WaitForExit();

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("SIGTERM: cancelling the running target; assured targets still run.",
            result.Output);
        Assert.Matches(@"Deploy\s+│\s+Cancelled", result.Output);
        Assert.Matches(@"Rollback\s+│\s+Succeeded", result.Output);
        Assert.Contains("rollback finished", result.Output);
    }

    [Fact]
    public async Task SIGINT_without_a_terminal_cancels_like_Ctrl_C()
    {
        using var deploy = await probe.StartDeploy();

        deploy.Signal(SignalProbe.SIGINT);
        var result = await deploy.WaitForExit();

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("Ctrl-C (SIGINT): cancelling the running target", result.Output);
        Assert.Matches(@"Deploy\s+│\s+Cancelled", result.Output);
        Assert.Matches(@"Rollback\s+│\s+Succeeded", result.Output);
    }

    [Fact]
    public async Task Two_SIGINTs_within_a_second_are_one_request()
    {
        using var deploy = await probe.StartDeploy();

        // GNU `timeout -s INT` signals the build, then its whole process group. The pause lets
        // the first signal land, so that the kernel cannot merge the two into one.
        deploy.Signal(SignalProbe.SIGINT);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        deploy.Signal(SignalProbe.SIGINT);
        var result = await deploy.WaitForExit();

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Matches(@"Rollback\s+│\s+Succeeded", result.Output);
        Assert.Contains("rollback finished", result.Output);
        Assert.DoesNotContain("cancelling the assured targets too", result.Output);
    }
}
