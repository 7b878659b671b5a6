using MantisPipeline.Gates;
using MantisPipeline.Gates.Health;

namespace MantisPipeline.Tests.Gates;

public sealed class HealthJudgeTests
{
    private static readonly Uri Url = new("http://127.0.0.1:8080/api/health/comprehensive");
    private static readonly HealthGateOptions Options = new();
    private static readonly TimeSpan Waited = TimeSpan.FromSeconds(3);

    private static readonly HealthCheckReport Database = new("database", "healthy", 1.8, null);
    private static readonly HealthCheckReport RedisDown = new("redis", "unhealthy", 2001, "timeout");
    private static readonly HealthCheckReport RedisUp = new("redis", "healthy", 0.4, null);

    public static TheoryData<string, int, string, HealthCheckReport[], Verdict> Reports => new()
    {
        { "all healthy", 200, "healthy", [Database, RedisUp], Verdict.Pass },
        { "redis down", 503, "unhealthy", [Database, RedisDown], Verdict.Fail },
        { "503 although checks pass", 503, "healthy", [Database, RedisUp], Verdict.Fail },
        { "200 but says unhealthy", 200, "unhealthy", [Database, RedisUp], Verdict.Fail },
        { "redis not reported", 200, "healthy", [Database], Verdict.Fail },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void Judges_an_answered_report(
        string situation, int statusCode, string status, HealthCheckReport[] checks, Verdict expected)
    {
        var observation = Answered(statusCode, new HealthReport(status, "v1", checks));

        var result = HealthJudge.Judge(observation, Options, Waited);

        Assert.True(expected == result.Verdict, $"{situation}: {result.Verdict}, {result.Summary}");
    }

    [Fact]
    public void Fail_names_the_unhealthy_check_with_its_latency_and_error()
    {
        var observation = Answered(503, new HealthReport("unhealthy", "v1", [Database, RedisDown]));

        var result = HealthJudge.Judge(observation, Options, Waited);

        var redis = new GateCheck("redis", Verdict.Fail, "unhealthy in 2001.0 ms: timeout");
        Assert.Contains(redis, result.Checks);
        Assert.Contains(new GateCheck("database", Verdict.Pass, "healthy in 1.8 ms"), result.Checks);
        Assert.Equal(
            "Not healthy after 3.0 s: status (HTTP 503, status 'unhealthy'); "
                + "redis (unhealthy in 2001.0 ms: timeout).",
            result.Summary);
    }

    [Fact]
    public void An_old_release_still_answering_fails_on_its_version()
    {
        var observation = Answered(200, new HealthReport("healthy", "old", [Database, RedisUp]));

        var result = HealthJudge.Judge(observation, Options with { ExpectedVersion = "new" }, Waited);

        Assert.Equal(Verdict.Fail, result.Verdict);
        var version = new GateCheck("version", Verdict.Fail, "version 'old' answered, expected 'new'");
        Assert.Contains(version, result.Checks);
    }

    [Fact]
    public void A_report_without_checks_is_inconclusive_when_none_are_required()
    {
        var observation = Answered(200, new HealthReport("healthy", "v1", []));

        var result = HealthJudge.Judge(observation, Options with { RequiredChecks = [] }, Waited);

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
    }

    [Fact]
    public void No_answer_is_a_fail_that_says_the_release_never_answered()
    {
        var refused = new HealthObservation.Unanswered(Url, "connection refused");

        var result = HealthJudge.Judge(refused, Options, Waited);

        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.Equal($"The release never answered at {Url} in 3.0 s: connection refused.", result.Summary);
    }

    [Theory]
    [InlineData(Verdict.Pass, true)]
    [InlineData(Verdict.Error, true)]
    [InlineData(Verdict.Fail, false)]
    [InlineData(Verdict.Inconclusive, false)]
    public void Only_a_pass_or_an_error_ends_the_polling(Verdict verdict, bool settled)
    {
        Assert.Equal(settled, HealthJudge.IsSettled(verdict));
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>", "not JSON")]
    [InlineData("[]", "expected a JSON object, got array")]
    [InlineData("{\"status\":\"ok\"}", "no 'checks' object")]
    [InlineData("{\"status\":\"healthy\",\"checks\":{\"redis\":{}}}", "check 'redis' has no 'status' string")]
    public void A_body_that_is_not_a_health_report_is_named(string body, string problem)
    {
        var error = Assert.Throws<FormatException>(() => HealthReportParser.Parse(body));

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Reads_the_demo_apps_report()
    {
        const string body = """
            {"status":"unhealthy","version":"abc","checks":{
              "database":{"status":"healthy","latencyMs":1.8},
              "redis":{"status":"unhealthy","latencyMs":2001.0,"error":"refused"}}}
            """;

        var report = HealthReportParser.Parse(body);

        Assert.Equal("unhealthy", report.Status);
        Assert.Equal("abc", report.Version);
        var redis = new HealthCheckReport("redis", "unhealthy", 2001.0, "refused");
        Assert.Equal([Database, redis], report.Checks);
    }

    private static HealthObservation.Answered Answered(int statusCode, HealthReport report) =>
        new(Url, statusCode, report);
}
