using MantisPipeline.Gates;

namespace MantisPipeline.Tests.Gates;

public sealed class GateReportTests
{
    private static readonly GateResult Failed = new(
        "Health",
        Verdict.Fail,
        "Not healthy after 60.0 s: redis (unhealthy: timeout).",
        [
            new GateCheck("database", Verdict.Pass, "healthy in 1.8 ms"),
            new GateCheck("redis", Verdict.Fail, "unhealthy: timeout"),
        ]);

    [Fact]
    public void Lays_out_the_checks_as_a_table()
    {
        var lines = GateReport.FormatTable(Failed);

        Assert.Equal(
            [
                "Check     Verdict  Detail",
                "--------  -------  ------------------",
                "database  pass     healthy in 1.8 ms",
                "redis     FAIL     unhealthy: timeout",
            ],
            lines);
    }

    [Fact]
    public void Ends_with_one_verdict_line()
    {
        Assert.Equal(
            "Health gate: FAIL. Not healthy after 60.0 s: redis (unhealthy: timeout).",
            GateReport.FormatVerdictLine(Failed));
    }
}
