using System.Text.RegularExpressions;
using MantisPipeline.Local;

namespace MantisPipeline.Tests.EndToEnd;

/// <summary>
/// The main job as a release manager meets it: deploy, a release that fails a gate and is
/// rolled back, a stopped database, and a manual rollback, all through ./build.sh.
/// </summary>
[Collection("Docker engine")]
public sealed class DeployScenarioTests : IAsyncLifetime
{
    private static readonly string[] DeployTargets =
        ["Prerequisites", "SecretScan", "AuditConfig", "Test", "BuildImage", "Migrate", "Deploy", "HealthGate",
         "SmokeGate", "PerfGate", "Promote"];

    private static readonly string WrongPassword = "wrong-" + Guid.NewGuid().ToString("N")[..12];

    private readonly TestEnvironment _environment = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _environment.DisposeAsync();
    }

    [Fact]
    public async Task Deploys_rolls_back_a_failing_release_and_rolls_back_on_request()
    {
        var first = await _environment.RunAsync(["Deploy"]);
        Assert.True(first.ExitCode == 0, first.ToString());
        foreach (var target in DeployTargets)
        {
            Assert.Equal("Succeeded", first.StatusOf(target));
        }

        var firstRelease = await ServingReleaseAsync();

        var wrongRedis = new Dictionary<string, string>
        {
            [_environment.RedisVariable] = "redis://:" + WrongPassword + "@127.0.0.1:" + _environment.RedisPort,
        };
        var failing = await _environment.RunAsync(["Deploy", "--skip", "SecretScan", "Test"], wrongRedis);
        Assert.True(failing.ExitCode == 1, failing.ToString());
        Assert.Equal("Failed", failing.StatusOf("HealthGate"));
        Assert.Equal("Succeeded", failing.StatusOf("AutoRollback"));
        Assert.Contains($"Rolled back to release {firstRelease}", failing.Output);
        Assert.DoesNotContain(WrongPassword, failing.Output);
        Assert.Equal(firstRelease, await ServingReleaseAsync());

        var ledger = await _environment.RunAsync(["Releases"]);
        Assert.True(ledger.ExitCode == 0, ledger.ToString());
        Assert.Matches(@"RolledBack", ledger.Output);

        var failedRelease = Regex.Match(failing.Output, @"Recorded release (\d+)").Groups[1].Value;
        var refused = await _environment.RunAsync(["Rollback", "--to", failedRelease]);
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("a rollback cannot put it back", refused.Output);
        Assert.DoesNotContain("Stopping", refused.Output);
        Assert.Equal(firstRelease, await ServingReleaseAsync());

        var deadDatabase = new Dictionary<string, string>
        {
            [_environment.DatabaseVariable] =
                "postgres://app:" + WrongPassword + "@127.0.0.1:" + LoopbackPort.PickFree() + "/app",
        };
        var stopped = await _environment.RunAsync(["Deploy", "--skip", "SecretScan", "Test"], deadDatabase);
        Assert.True(stopped.ExitCode == 1, stopped.ToString());
        Assert.Equal("Failed", stopped.StatusOf("Migrate"));
        Assert.Equal("NotRun", stopped.StatusOf("Deploy"));
        Assert.Equal(firstRelease, await ServingReleaseAsync());

        var second = await _environment.RunAsync(["Deploy", "--skip", "SecretScan", "Test"]);
        Assert.True(second.ExitCode == 0, second.ToString());
        var secondRelease = await ServingReleaseAsync();
        Assert.NotEqual(firstRelease, secondRelease);

        var rollback = await _environment.RunAsync(["Rollback"]);
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Equal(firstRelease, await ServingReleaseAsync());

        var down = await _environment.RunAsync(["Down"]);
        Assert.True(down.ExitCode == 0, down.ToString());
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetStringAsync(_environment.AppUrl));
    }

    /// <summary>The release id the app reports, read from the page's footer.</summary>
    private async Task<string> ServingReleaseAsync()
    {
        var page = await _http.GetStringAsync(_environment.AppUrl);
        var match = Regex.Match(page, @"Release (\w+)");
        Assert.True(match.Success, page);
        return match.Groups[1].Value;
    }
}
