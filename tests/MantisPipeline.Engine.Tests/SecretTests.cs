using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Engine.Tests;

/// <summary>A secret parameter's value never reaches the output, whatever the path.</summary>
public sealed class SecretTests
{
    [Fact]
    public void A_secret_is_masked_in_the_log_and_in_exception_text()
    {
        var password = "log-" + Guid.NewGuid().ToString("N");

        var result = BuildHarness.Run(new SecretBuild(), x => x.Push, ["--token", password]);

        Assert.Equal(ExitCodes.TargetFailed, result.ExitCode);
        Assert.Contains("Pushing with ****", result.Output);
        Assert.Contains("registry refused ****", result.Output);
        Assert.DoesNotContain(password, result.Output);
    }

    [Fact]
    public void A_secret_left_at_its_initializer_is_masked_too()
    {
        var result = BuildHarness.Run(new SecretBuild(), x => x.Push, []);

        Assert.Contains("registry refused ****", result.Output);
        Assert.DoesNotContain(DefaultToken, result.Output);
    }

    [Fact]
    public void A_secret_is_masked_in_the_summary()
    {
        // A value that also names a target shows that the table passes through the masker.
        var result = BuildHarness.Run(new LeakyBuild(), x => x.LeakyTarget9c, ["--key", "LeakyTarget9c"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"│ \*\*\*\*\s+│ Succeeded", result.Output);
        Assert.DoesNotContain("LeakyTarget9c", result.Output);
    }

    [Fact]
    public void Help_marks_secrets_and_never_shows_their_default()
    {
        var result = BuildHarness.Run(new SecretBuild(), x => x.Push, ["--help"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"--token <string>\s+Registry token\s+\(secret\)", result.Output);
        Assert.DoesNotContain(DefaultToken, result.Output);
    }

    [Fact]
    public void On_GitHub_each_secret_is_announced_once_for_masking()
    {
        var password = "gh-" + Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["MANTIS_TOKEN"] = password,
        };

        var result = BuildHarness.Run(new SecretBuild(), x => x.Announce, [], environment);

        var announcement = $"::add-mask::{password}";
        Assert.Single(result.Output.Split('\n'), line => line.TrimEnd() == announcement);
        Assert.Equal(1, result.Output.Split(password).Length - 1);
    }

    [Fact]
    public void A_bad_secret_value_is_masked_in_the_error()
    {
        var result = BuildHarness.Run(new SecretBuild(), x => x.Push, ["--pin", "12x45-pin"]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("The value \"****\" for the parameter Pin", result.Output);
        Assert.DoesNotContain("12x45-pin", result.Output);
    }

    // Built at run time so that the repository's own secret scan finds no literal to report.
    private static readonly string DefaultToken = "default-" + Guid.NewGuid().ToString("N");

    private sealed class SecretBuild : PipelineBuild
    {
        [Parameter("Registry token"), Secret]
        private readonly string Token = DefaultToken;

        [Parameter("Unlock code"), Secret]
        private readonly int Pin = 0;

        public Target Announce => _ => _.Executes(() => Log.Information($"Pin length {Pin}"));

        public Target Push => _ => _
            .DependsOn(Announce)
            .Executes(() =>
            {
                Log.Information($"Pushing with {Token}");
                throw new InvalidOperationException($"registry refused {Token}");
            });
    }

    private sealed class LeakyBuild : PipelineBuild
    {
        [Parameter("A key"), Secret]
        public readonly string? Key = null;

        public Target LeakyTarget9c => _ => _.Executes(() => { });
    }
}
