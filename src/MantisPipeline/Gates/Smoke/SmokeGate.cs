using System.Diagnostics;
using MantisPipeline.Engine.Logging;
using Microsoft.Playwright;

namespace MantisPipeline.Gates.Smoke;

/// <summary>
/// Opens the release's page in headless Chromium and checks what a user would see; a failed
/// check leaves a full-page screenshot and the page's HTML behind.
/// </summary>
public sealed class SmokeGate : IGate
{
    private readonly Uri _url;
    private readonly SmokeGateOptions _options;

    public SmokeGate(Uri baseUrl, SmokeGateOptions? options = null)
    {
        _options = options ?? new SmokeGateOptions();
        var root = GateAddress.Check(baseUrl, _options.AllowRemoteHost, SmokeJudge.GateName);
        _url = new Uri(root, _options.Path.TrimStart('/'));
    }

    public string Name => SmokeJudge.GateName;

    public async Task<GateResult> RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        Log.Information($"Smoke gate: opening {_url} in Chromium.");

        try
        {
            ChromiumLaunch.EnsureInstalled(_options.ExecutablePath);
            using var playwright = await ChromiumLaunch.StartDriverAsync();
            var result = await RunInBrowserAsync(playwright, cancellationToken);
            Log.Debug($"Smoke gate: done in {clock.Elapsed.TotalSeconds:0.0} s.");
            return result;
        }
        catch (PipelineException e)
        {
            return Broken(e.Message);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Broken($"The browser failed while checking {_url}: {FirstLine(e.Message)}");
        }
    }

    private async Task<GateResult> RunInBrowserAsync(
        IPlaywright playwright, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("mantis-smoke-profile-");
        try
        {
            var launch = ChromiumLaunch.Options(_options.ExecutablePath);
            await using var context =
                await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, launch);

            // Playwright takes no cancellation tokens; closing the browser ends whatever it awaits.
            await using var closing = cancellationToken.Register(() => _ = context.CloseAsync());
            return await CheckPageAsync(context, cancellationToken);
        }
        finally
        {
            DeleteQuietly(profile);
        }
    }

    private async Task<GateResult> CheckPageAsync(
        IBrowserContext context, CancellationToken cancellationToken)
    {
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        var recorder = new PageProblems(page);
        var seen = await new PageReader(page, _options).ReadAsync(_url, recorder);
        cancellationToken.ThrowIfCancellationRequested();

        var checks = SmokeJudge.Judge(seen, _options);
        var verdict = VerdictRules.Combine(checks.Select(c => c.Verdict));
        var summary = SmokeJudge.Summarize(verdict, checks);
        if (verdict == Verdict.Pass)
        {
            return new GateResult(SmokeJudge.GateName, verdict, summary, checks);
        }

        var artifacts = await SmokeArtifacts.SaveAsync(page, _options.ArtifactsDirectory);
        summary += $" Screenshot: {artifacts[0]}";
        return new GateResult(SmokeJudge.GateName, verdict, summary, checks) { Artifacts = artifacts };
    }

    private static GateResult Broken(string message)
    {
        var check = new GateCheck("browser", Verdict.Error, FirstSentence(message));
        return new GateResult(SmokeJudge.GateName, Verdict.Error, message, [check]);
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static void DeleteQuietly(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException e)
        {
            Log.Debug($"Smoke gate: left the browser profile {directory.FullName}: {e.Message}");
        }
    }
}
