using MantisPipeline.Gates;
using MantisPipeline.Gates.Smoke;

namespace MantisPipeline.Tests.Gates;

public sealed class SmokeJudgeTests
{
    private static readonly SmokeGateOptions Expected = new() { ExpectedVersion = "abc1234" };

    private static readonly SmokeObservation Good = new()
    {
        StatusCode = 200,
        Title = "Mantis Notes",
        Heading = "Mantis Notes",
        NoteCount = 2,
        Footer = "Release 7 · version abc1234",
    };

    public static TheoryData<string, SmokeObservation, string?> Pages => new()
    {
        { "all good", Good, null },
        { "server error", Good with { StatusCode = 500 }, "page" },
        { "wrong title", Good with { Title = "Error" }, "title" },
        { "no heading", Good with { Heading = null }, "heading" },
        { "no notes", Good with { NoteCount = 0 }, "notes" },
        { "error shown", Good with { ErrorText = "Could not load notes" }, "error" },
        { "old version", Good with { Footer = "Release 6 · version 0ld0ld0" }, "footer" },
        { "longer version", Good with { Footer = "Release 7 · version abc12345" }, "footer" },
        { "no footer", Good with { Footer = null }, "footer" },
        { "console error", Good with { ConsoleErrors = ["TypeError: x is undefined"] }, "console" },
        { "failed request", Good with { FailedRequests = ["HTTP 404 http://127.0.0.1/app.js"] }, "requests" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Fails_exactly_the_check_a_user_would_notice(
        string situation, SmokeObservation seen, string? failing)
    {
        var checks = SmokeJudge.Judge(seen, Expected);

        var failed = checks.Where(c => c.Verdict != Verdict.Pass).Select(c => c.Name).ToList();
        List<string> expected = failing is null ? [] : [failing];
        Assert.True(expected.SequenceEqual(failed), $"{situation}: {string.Join(", ", failed)}");
    }

    [Fact]
    public void A_page_that_did_not_load_fails_with_the_browsers_reason()
    {
        var refused = new SmokeObservation { LoadFailure = "net::ERR_CONNECTION_REFUSED" };

        var checks = SmokeJudge.Judge(refused, Expected);

        var check = Assert.Single(checks);
        Assert.Equal(new GateCheck("page", Verdict.Fail, "did not load: net::ERR_CONNECTION_REFUSED"), check);
    }

    [Fact]
    public void Without_an_expected_version_any_footer_passes()
    {
        var otherRelease = Good with { Footer = "Release 9 · version fff" };

        var checks = SmokeJudge.Judge(otherRelease, new SmokeGateOptions());

        Assert.All(checks, c => Assert.Equal(Verdict.Pass, c.Verdict));
    }

    [Fact]
    public void Lists_at_most_three_problems_and_counts_the_rest()
    {
        var seen = Good with { ConsoleErrors = ["a", "b", "c", "d", "e"] };

        var console = SmokeJudge.Judge(seen, Expected).Single(c => c.Name == "console");

        Assert.Equal("5 console errors: a | b | c and 2 more", console.Detail);
    }
}
