using MantisPipeline.Gates;
using MantisPipeline.Gates.Smoke;

namespace MantisPipeline.Tests.Gates;

/// <summary>Drives Debian's real Chromium; each test is one browser launch of about 2 s.</summary>
[Collection(MeasuredGates.Name)]
public sealed class SmokeGateTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly DirectoryInfo _artifacts = Directory.CreateTempSubdirectory("mantis-smoke-test-");

    public void Dispose() => _artifacts.Delete(recursive: true);

    [Fact]
    public async Task Passes_when_the_page_shows_notes_and_the_expected_release()
    {
        await using var release = await StandInRelease.StartAsync();
        var gate = new SmokeGate(release.BaseUrl, Options() with { ExpectedReleaseId = "7" });

        var result = await gate.RunAsync(CancellationToken.None);

        Assert.True(result.Verdict == Verdict.Pass, result.Summary);
        Assert.Contains(result.Checks, c => c is { Name: "notes", Detail: "2 rendered in #notes" });
        Assert.Contains(result.Checks, c => c is { Name: "footer", Detail: "'Release 7 · version abc1234'" });
        Assert.Empty(result.Artifacts);
        Assert.Empty(_artifacts.GetFiles());
    }

    [Fact]
    public async Task Fails_with_a_screenshot_when_the_notes_fail_and_the_version_is_old()
    {
        var behaviour = new StandInBehaviour { NotesFail = true, Version = "0ld0ld0" };
        await using var release = await StandInRelease.StartAsync(behaviour);
        var gate = new SmokeGate(release.BaseUrl, Options());

        var result = await gate.RunAsync(CancellationToken.None);

        Assert.Equal(Verdict.Fail, result.Verdict);
        var error = new GateCheck("error", Verdict.Fail, "#error shows 'Could not load notes: HTTP 500'");
        Assert.Contains(error, result.Checks);
        var footer = Assert.Single(result.Checks, c => c.Name == "footer");
        Assert.Equal("'Release 7 · version 0ld0ld0', expected version abc1234", footer.Detail);
        Assert.Contains(result.Checks, c => c.Name == "requests" && c.Detail.Contains("HTTP 500"));
        AssertScreenshot(result);
    }

    [Fact]
    public async Task Fails_with_a_screenshot_when_no_note_is_rendered()
    {
        await using var release = await StandInRelease.StartAsync(new StandInBehaviour { NotesEmpty = true });
        var gate = new SmokeGate(release.BaseUrl, Options());

        var result = await gate.RunAsync(CancellationToken.None);

        Assert.Equal(Verdict.Fail, result.Verdict);
        var failed = Assert.Single(result.Checks, c => c.Verdict != Verdict.Pass);
        Assert.Equal("notes", failed.Name);
        AssertScreenshot(result);
        Assert.Contains("<h1>Mantis Notes</h1>", File.ReadAllText(result.Artifacts[1]));
    }

    [Fact]
    public async Task Is_an_error_naming_the_option_when_chromium_is_missing()
    {
        var options = Options() with { ExecutablePath = "/nowhere/chromium" };
        var gate = new SmokeGate(new Uri("http://127.0.0.1:1/"), options);

        var result = await gate.RunAsync(CancellationToken.None);

        Assert.Equal(Verdict.Error, result.Verdict);
        Assert.Contains("SmokeGateOptions.ExecutablePath", result.Summary);
    }

    private SmokeGateOptions Options() => new()
    {
        ExpectedVersion = "abc1234",
        ArtifactsDirectory = _artifacts.FullName,
        NotesTimeout = TimeSpan.FromSeconds(1.5),
    };

    private void AssertScreenshot(GateResult result)
    {
        var screenshot = result.Artifacts[0];
        Assert.EndsWith(".png", screenshot);
        Assert.StartsWith(_artifacts.FullName, screenshot);
        Assert.Contains(screenshot, result.Summary);
        Assert.Equal(PngSignature, File.ReadAllBytes(screenshot).Take(8));
    }
}
