using MantisPipeline.Gates;
using MantisPipeline.Gates.Perf;

namespace MantisPipeline.Tests.Gates;

public sealed class PerfJudgeTests
{
    private static readonly PerfThresholds Limits = new() { P95Ms = 100, P99Ms = 250, MaxErrorRate = 0.02 };

    public static TheoryData<EndpointMeasurement, Verdict, string> Measurements => new()
    {
        {
            Measured(200, 0, p95: 40, p99: 60),
            Verdict.Pass, "p95 40.0 ms <= 100.0 ms, errors 0.0% <= 2.0%"
        },
        {
            Measured(200, 4, p95: 100, p99: 250),
            Verdict.Pass, "p95 100.0 ms <= 100.0 ms, errors 2.0% <= 2.0%"
        },
        { Measured(200, 0, p95: 140, p99: 200), Verdict.Fail, "p95 140.0 ms > 100.0 ms" },
        { Measured(200, 0, p95: 90, p99: 900), Verdict.Fail, "p99 900.0 ms > 250.0 ms" },
        {
            Measured(200, 5, p95: 10, p99: 20),
            Verdict.Fail, "error rate 2.5% > 2.0% (5 of 200, e.g. HTTP 500)"
        },
        {
            Measured(49, 0, p95: 10, p99: 20),
            Verdict.Inconclusive, "only 49 requests completed, 50 needed"
        },
        {
            Measured(3, 0, p95: 10, p99: 20, capped: true),
            Verdict.Inconclusive, "only 3 requests completed, 50 needed, stopped by the time cap"
        },
    };

    [Theory]
    [MemberData(nameof(Measurements))]
    public void Judges_figures_against_thresholds(
        EndpointMeasurement measured, Verdict verdict, string detail)
    {
        var check = PerfJudge.Judge(measured, Limits, minimumSamples: 50);

        Assert.Equal(verdict, check.Verdict);
        Assert.Equal(detail, check.Detail);
    }

    [Fact]
    public void Too_few_samples_is_never_a_pass_even_when_fast()
    {
        var check = PerfJudge.Judge(Measured(10, 0, p95: 1, p99: 1), Limits, minimumSamples: 50);

        Assert.Equal(Verdict.Inconclusive, check.Verdict);
    }

    [Fact]
    public void Prints_the_figures_of_each_endpoint()
    {
        var lines = PerfJudge.FormatFigures([Measured(200, 1, p95: 12.34, p99: 20)]);

        Assert.Equal("Endpoint   Requests  Errors  p50     p95      p99      max      rps", lines[0]);
        Assert.Equal("api/notes  200       1       5.0 ms  12.3 ms  20.0 ms  30.0 ms  100", lines[2]);
    }

    private static EndpointMeasurement Measured(
        long requests, long errors, double p95, double p99, bool capped = false)
    {
        var elapsed = TimeSpan.FromSeconds(requests / 100.0);
        string[] samples = errors > 0 ? ["HTTP 500"] : [];
        return new("api/notes", requests, errors, 5, p95, p99, 30, elapsed, capped, samples);
    }
}
