using System.Text.RegularExpressions;

namespace MantisPipeline.Engine.Tests;

/// <summary>Mistakes found before anything runs: exit code 2 and one clear paragraph.</summary>
public sealed class ErrorTests
{
    [Fact]
    public void An_unknown_target_suggests_the_closest_name()
    {
        var build = new GuardedBuild();

        var result = BuildHarness.Run(build, x => x.Deploy, ["Deplyo"]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Unknown target \"Deplyo\". Did you mean \"Deploy\"?", result.Output);
        Assert.Contains("--help", result.Output);
        Assert.False(build.Ran);
    }

    [Fact]
    public void An_unknown_option_suggests_the_closest_flag()
    {
        var result = BuildHarness.Run(new GuardedBuild(), x => x.Deploy, ["--registry-pasword", "x"]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Unknown option \"--registry-pasword\". Did you mean \"--registry-password\"?",
            result.Output);
    }

    [Fact]
    public void A_missing_required_parameter_says_how_to_pass_it()
    {
        var build = new GuardedBuild();

        var result = BuildHarness.Run(build, x => x.Deploy, []);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Target \"Push\" requires the parameter RegistryPassword, which has no value. " +
            "Pass it as --registry-password <value>, set the environment variable " +
            "MANTIS_REGISTRY_PASSWORD, or add \"RegistryPassword\" to .nuke/parameters.json.",
            result.Output);
        Assert.False(build.Ran);
    }

    [Fact]
    public void A_failed_condition_shows_its_expression()
    {
        var result = BuildHarness.Run(
            new GuardedBuild(), x => x.Deploy, ["--registry-password", "pw-cond-1", "--replicas", "0"]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Target \"Deploy\" requires Replicas > 0, which is false.", result.Output);
    }

    [Fact]
    public void A_failed_condition_with_a_reason_says_the_reason()
    {
        var result = BuildHarness.Run(
            new GuardedBuild(), x => x.Deploy, ["--registry-password", "pw-cond-2", "--replicas", "9"]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Target \"Deploy\" cannot run: at most 8 replicas fit on one host.", result.Output);
        Assert.DoesNotContain("Replicas <= 8", result.Output);
    }

    [Fact]
    public void Requirements_of_skipped_targets_are_not_checked()
    {
        var build = new GuardedBuild();

        var result = BuildHarness.Run(build, x => x.Deploy, ["--skip", "push"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.True(build.Ran);
    }

    [Fact]
    public void A_cycle_is_named_and_nothing_runs()
    {
        var result = BuildHarness.Run(new CyclicBuild(), x => x.A, []);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("The targets form a cycle: A -> B -> C -> A.", result.Output);
    }

    [Fact]
    public void An_unknown_profile_lists_the_known_ones()
    {
        using var folder = new TempFolder(withNukeFolder: true);
        folder.WriteNukeFile("parameters.staging.json", "{}");

        var result = BuildHarness.Run(
            new GuardedBuild(), x => x.Deploy, ["--profile", "prod"], workingDirectory: folder.Path);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Unknown profile \"prod\"", result.Output);
        Assert.Contains("Known profiles: staging.", result.Output);
    }

    [Fact]
    public void A_bad_value_names_the_parameter_the_value_and_the_expected_form()
    {
        var result = BuildHarness.Run(new GuardedBuild(), x => x.Deploy, ["--replicas", "many"]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("The value \"many\" for the parameter Replicas, from the command line " +
            "(--replicas), is not a valid int. Expected a whole number such as 42.", result.Output);
    }

    [Fact]
    public void An_unknown_skipped_target_suggests_the_closest_name()
    {
        var build = new GuardedBuild();

        var result = BuildHarness.Run(
            build, x => x.Deploy, ["--registry-password", "pw-skip-1", "--skip", "Pussh"]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Unknown target \"Pussh\" after --skip. Did you mean \"Push\"?", result.Output);
        Assert.False(build.Ran);
    }

    [Theory]
    [InlineData("parameters.json", "Skip", "Pussh", "Push")]
    [InlineData("parameters.ci.json", "Target", "Deplyo", "Deploy")]
    public void An_unknown_target_in_a_parameter_file_names_the_file(
        string file, string key, string name, string closest)
    {
        using var folder = new TempFolder(withNukeFolder: true);
        folder.WriteNukeFile("parameters.ci.json", "{}");
        folder.WriteNukeFile(file, $$"""{ "{{key}}": ["{{name}}"] }""");
        var build = new GuardedBuild();

        var result = BuildHarness.Run(build, x => x.Deploy,
            ["--profile", "ci", "--registry-password", "pw-file-1"], workingDirectory: folder.Path);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains($"Unknown target \"{name}\" in \"{key}\" of .nuke/{file}. " +
            $"Did you mean \"{closest}\"?", result.Output);
        Assert.False(build.Ran);
    }

    [Theory]
    [InlineData("parameters.json", """{ "$schema": "./build.schema.json", "Replicass": 2 }""")]
    [InlineData("parameters.ci.json", """{ "Target": "Deploy", "Skip": [], "Replicass": null }""")]
    public void An_unknown_key_in_a_parameter_file_names_the_file_and_the_key(
        string file, string content)
    {
        using var folder = new TempFolder(withNukeFolder: true);
        folder.WriteNukeFile("parameters.ci.json", "{}");
        folder.WriteNukeFile(file, content);
        var build = new GuardedBuild();

        var result = BuildHarness.Run(build, x => x.Deploy,
            ["--profile", "ci", "--registry-password", "pw-key-1"], workingDirectory: folder.Path);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains($".nuke/{file} has the key \"Replicass\", which is no parameter of the " +
            "build. Did you mean \"Replicas\"?", result.Output);
        Assert.Single(Regex.Matches(result.Output, "has the key"));
        Assert.False(build.Ran);
    }

    private sealed class GuardedBuild : PipelineBuild
    {
        [Parameter("Password of the registry"), Secret]
        private readonly string? RegistryPassword = null;

        [Parameter("How many instances to start")]
        private readonly int Replicas = 1;

        public bool Ran { get; private set; }

        private Target Push => _ => _.Requires(() => RegistryPassword);

        public Target Deploy => _ => _
            .DependsOn(Push)
            .Requires(() => Replicas > 0)
            .Requires(() => Replicas <= 8, "at most 8 replicas fit on one host.")
            .Executes(() => Ran = true);
    }

    private sealed class CyclicBuild : PipelineBuild
    {
        public Target A => _ => _.DependsOn(B);

        public Target B => _ => _.DependsOn(C);

        public Target C => _ => _.DependsOn(A);
    }
}
