using MantisPipeline.Gates;
using MantisPipeline.Gates.Perf;

namespace MantisPipeline.Tests.Gates;

[Collection(MeasuredGates.Name)]
public sealed class PerfGateTests
{
    private static readonly PerfGateOptions Small = new()
    {
        RequestsPerEndpoint = 40,
        Concurrency = 4,
        WarmupRequests = 2,
        MinimumSamples = 20,
        TimeCap = TimeSpan.FromSeconds(10),
        RequestTimeout = TimeSpan.FromSeconds(2),
    };

    [Fact]
    public async Task Passes_and_measures_every_request_of_fast_endpoints()
    {
        await using var release = await StandInRelease.StartAsync();
        var options = Small with { Endpoints = [new("api/health"), new("/api/notes")] };
        var gate = new PerfGate(release.BaseUrl, options);

        var result = await gate.RunAsync(CancellationToken.None);

        Assert.Equal(Verdict.Pass, result.Verdict);
        Assert.All(gate.Measurements, m => Assert.Equal(40, m.Requests));
        Assert.All(gate.Measurements, m => Assert.Equal(0, m.Errors));
        Assert.All(gate.Measurements, m => Assert.InRange(m.P50Ms, 0.001, m.P95Ms));
        Assert.Equal(["api/health", "api/notes"], result.Checks.Select(c => c.Name));
    }

    [Fact]
    public async Task Fails_when_an_endpoint_is_slower_than_its_p95_threshold()
    {
        await using var release = await StandInRelease.StartAsync();
        var slow = new PerfEndpoint("api/slow", new PerfThresholds { P95Ms = 100 });
        var gate = new PerfGate(release.BaseUrl, Small with { Endpoints = [slow] });

        var result = await gate.RunAsync(CancellationToken.None);

        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.Matches(@"^p95 \d+\.\d ms > 100\.0 ms$", result.Checks[0].Detail);
        Assert.True(gate.Measurements[0].P95Ms >= 200, $"p95 {gate.Measurements[0].P95Ms} ms");
    }

    [Fact]
    public async Task Fails_when_too_many_requests_are_answered_with_errors()
    {
        await using var release = await StandInRelease.StartAsync();
        var gate = new PerfGate(release.BaseUrl, Small with { Endpoints = [new("api/flaky")] });

        var result = await gate.RunAsync(CancellationToken.None);

        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.Equal(8, gate.Measurements[0].Errors);
        Assert.Contains("error rate 20.0% > 1.0%", result.Summary);
        Assert.Contains("HTTP 500", result.Summary);
    }

    [Fact]
    public async Task Is_inconclusive_when_the_time_cap_stops_it_before_enough_requests()
    {
        await using var release = await StandInRelease.StartAsync();
        var options = Small with
        {
            Endpoints = [new("api/slow")],
            Concurrency = 2,
            WarmupRequests = 0,
            TimeCap = TimeSpan.FromSeconds(1),
        };
        var gate = new PerfGate(release.BaseUrl, options);

        var result = await gate.RunAsync(CancellationToken.None);

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Contains("stopped by the time cap", result.Summary);
        Assert.InRange(gate.Measurements[0].Requests, 1, 19);
    }

    [Fact]
    public async Task Counts_refused_connections_as_errors()
    {
        var options = Small with { Endpoints = [new("api/health")] };
        var gate = new PerfGate(StandInRelease.UnusedAddress(), options);

        var result = await gate.RunAsync(CancellationToken.None);

        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.Equal(40, gate.Measurements[0].Errors);
    }

    [Fact]
    public void Refuses_options_that_could_never_pass()
    {
        var options = Small with { RequestsPerEndpoint = 10, MinimumSamples = 20 };

        var error = Assert.Throws<PipelineException>(
            () => new PerfGate(new Uri("http://127.0.0.1:1/"), options));

        Assert.Contains("could never pass", error.Message);
    }
}
