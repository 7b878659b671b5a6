using MantisPipeline.Gates;

namespace MantisPipeline.Tests.Gates;

public sealed class VerdictRulesTests
{
    [Theory]
    [InlineData(new Verdict[0], Verdict.Inconclusive)]
    [InlineData(new[] { Verdict.Pass, Verdict.Pass }, Verdict.Pass)]
    [InlineData(new[] { Verdict.Pass, Verdict.Inconclusive }, Verdict.Inconclusive)]
    [InlineData(new[] { Verdict.Inconclusive, Verdict.Error }, Verdict.Error)]
    [InlineData(new[] { Verdict.Error, Verdict.Fail, Verdict.Pass }, Verdict.Fail)]
    public void Combines_checks_into_one_verdict(Verdict[] checks, Verdict expected)
    {
        Assert.Equal(expected, VerdictRules.Combine(checks));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://127.0.0.1:8080/app", "http://127.0.0.1:8080/app/")]
    public void Accepts_loopback_addresses_and_ends_them_with_a_slash(string given, string expected)
    {
        Assert.Equal(new Uri(expected), GateAddress.Check(new Uri(given), allowRemoteHost: false, "Health"));
    }

    [Theory]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("https://example.com/")]
    public void Refuses_other_hosts_unless_the_caller_opts_in(string given)
    {
        Assert.Throws<PipelineException>(
            () => GateAddress.Check(new Uri(given), allowRemoteHost: false, "Perf"));
        Assert.Equal(new Uri(given), GateAddress.Check(new Uri(given), allowRemoteHost: true, "Perf"));
    }

    [Fact]
    public void Refuses_an_address_that_is_not_http()
    {
        var error = Assert.Throws<PipelineException>(
            () => GateAddress.Check(new Uri("ftp://127.0.0.1/"), allowRemoteHost: true, "Smoke"));

        Assert.Contains("not an absolute http or https URL", error.Message);
    }
}
