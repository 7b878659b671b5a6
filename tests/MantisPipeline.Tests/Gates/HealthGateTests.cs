using System.Diagnostics;
using MantisPipeline.Gates;
using MantisPipeline.Gates.Health;

namespace MantisPipeline.Tests.Gates;

public sealed class HealthGateTests
{
    private static readonly HealthGateOptions Quick = new()
    {
        Timeout = TimeSpan.FromSeconds(2),
        PollInterval = TimeSpan.FromMilliseconds(200),
        RequestTimeout = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task Passes_and_reports_each_check_when_the_release_is_healthy()
    {
        await using var release = await StandInRelease.StartAsync();
        var gate = new HealthGate(release.BaseUrl, Quick with { ExpectedVersion = "abc1234" });

        var result = await gate.RunAsync(CancellationToken.None);

        Assert.Equal(Verdict.Pass, result.Verdict);
        Assert.Contains(new GateCheck("database", Verdict.Pass, "healthy in 1.8 ms"), result.Checks);
        Assert.Contains(result.Checks, c => c is { Name: "redis", Verdict: Verdict.Pass });
        Assert.Contains(result.Checks, c => c is { Name: "version", Verdict: Verdict.Pass });
    }

    [Fact]
    public async Task Fails_naming_redis_and_its_error_when_the_release_answers_503()
    {
        await using var release = await StandInRelease.StartAsync(new StandInBehaviour { RedisDown = true });
        var gate = new HealthGate(release.BaseUrl, Quick);

        var result = await gate.RunAsync(CancellationToken.None);

        Assert.Equal(Verdict.Fail, result.Verdict);
        var redis = Assert.Single(result.Checks, c => c.Name == "redis");
        Assert.Equal(Verdict.Fail, redis.Verdict);
        Assert.Contains("It was not possible to connect", redis.Detail);
        Assert.Contains("redis", result.Summary);
        Assert.Contains("HTTP 503", result.Summary);
        Assert.DoesNotContain("database", result.Summary);
    }

    [Fact]
    public async Task Fails_within_its_timeout_when_the_release_never_answers()
    {
        var gate = new HealthGate(StandInRelease.UnusedAddress(), Quick);
        var clock = Stopwatch.StartNew();

        var result = await gate.RunAsync(CancellationToken.None);

        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.StartsWith("The release never answered", result.Summary);
        Assert.Contains("connection refused", result.Summary);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Is_an_error_at_once_when_the_body_is_not_a_health_report()
    {
        var html = new StandInBehaviour { HealthBodyIsHtml = true };
        await using var release = await StandInRelease.StartAsync(html);
        var gate = new HealthGate(release.BaseUrl, Quick with { Timeout = TimeSpan.FromSeconds(30) });
        var clock = Stopwatch.StartNew();

        var result = await gate.RunAsync(CancellationToken.None);

        Assert.Equal(Verdict.Error, result.Verdict);
        Assert.Contains("not JSON", result.Summary);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Stops_when_cancelled()
    {
        var options = Quick with { Timeout = TimeSpan.FromSeconds(30) };
        var gate = new HealthGate(StandInRelease.UnusedAddress(), options);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.RunAsync(cancel.Token));
    }

    [Fact]
    public void Refuses_an_address_other_than_127_0_0_1()
    {
        var error = Assert.Throws<PipelineException>(() => new HealthGate(new Uri("http://localhost:8080/")));

        Assert.Contains("127.0.0.1", error.Message);
        Assert.Contains("AllowRemoteHost", error.Message);
    }
}
