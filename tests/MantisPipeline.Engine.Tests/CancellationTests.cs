using MantisPipeline.Engine.Internal;

namespace MantisPipeline.Engine.Tests;

/// <summary>Cancel requests made while an assured target runs, on a clock the test moves.</summary>
public sealed class CancellationTests
{
    [Fact]
    public void One_request_cancels_the_build_and_a_later_one_the_assured_targets()
    {
        var clock = new ManualClock();
        var cancellation = new BuildCancellation(clock);

        var first = cancellation.Request();
        clock.Advance(TimeSpan.FromSeconds(1.5));
        var second = cancellation.Request();

        Assert.Equal(CancelStage.Build, first);
        Assert.Equal(CancelStage.Assured, second);
        Assert.True(cancellation.BuildToken.IsCancellationRequested);
        Assert.True(cancellation.AssuredToken.IsCancellationRequested);
    }

    [Fact]
    public void Requests_within_a_second_of_the_one_that_counted_are_that_request()
    {
        var clock = new ManualClock();
        var cancellation = new BuildCancellation(clock);

        cancellation.Request();
        clock.Advance(TimeSpan.FromMilliseconds(600));
        var soon = cancellation.Request();
        clock.Advance(TimeSpan.FromMilliseconds(600));
        var later = cancellation.Request();

        Assert.Equal(CancelStage.Repeated, soon);
        Assert.Equal(CancelStage.Assured, later);
    }

    [Fact]
    public void An_assured_target_running_at_the_first_request_completes_with_a_live_token()
    {
        var build = new RollbackBuild(requests: 1, apart: TimeSpan.Zero);

        var result = BuildHarness.Run(build, x => x.Deploy, []);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Matches(@"Rollback\s+│\s+Succeeded", result.Output);
        Assert.Matches(@"Announce\s+│\s+NotRun", result.Output);
        Assert.False(build.RollbackTokenWasCancelled);
        Assert.Contains("Build cancelled.", result.Output);
    }

    [Fact]
    public void A_second_request_after_the_build_was_cancelled_cancels_the_assured_target()
    {
        var build = new RollbackBuild(requests: 2, apart: TimeSpan.FromSeconds(2));

        var result = BuildHarness.Run(build, x => x.Deploy, []);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Matches(@"Rollback\s+│\s+Cancelled", result.Output);
        Assert.True(build.RollbackTokenWasCancelled);
        Assert.Contains("Build cancelled: Rollback cancelled", result.Output);
    }

    [Fact]
    public void A_second_request_within_a_second_does_not_cancel_the_assured_target()
    {
        var build = new RollbackBuild(requests: 2, apart: TimeSpan.FromMilliseconds(300));

        var result = BuildHarness.Run(build, x => x.Deploy, []);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Matches(@"Rollback\s+│\s+Succeeded", result.Output);
        Assert.False(build.RollbackTokenWasCancelled);
    }

    /// <summary>Deploy succeeds; the requests arrive while the assured Rollback runs.</summary>
    private sealed class RollbackBuild : PipelineBuild
    {
        private readonly ManualClock _clock;
        private readonly int _requests;
        private readonly TimeSpan _apart;

        public RollbackBuild(int requests, TimeSpan apart)
        {
            _clock = new ManualClock();
            _requests = requests;
            _apart = apart;
            Cancellation = new BuildCancellation(_clock);
        }

        public bool RollbackTokenWasCancelled { get; private set; }

        public Target Deploy => _ => _.Executes(() => { });

        public Target Rollback => _ => _
            .TriggeredBy(Deploy)
            .AssuredAfterFailure()
            .Executes(async ct =>
            {
                using var watch = ct.Register(() => RollbackTokenWasCancelled = true);
                Request();

                // Long enough for a cancelled token to end the delay, short enough when not.
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            });

        public Target Announce => _ => _.TriggeredBy(Rollback).Executes(() => { });

        private void Request()
        {
            Cancellation.Request();
            for (var i = 1; i < _requests; i++)
            {
                _clock.Advance(_apart);
                Cancellation.Request();
            }
        }
    }
}
