namespace MantisPipeline.Engine.Tests;

public sealed class ParameterTests
{
    [Theory]
    [InlineData("arg,prefixed,plain,profile,shared", "from-arg")]
    [InlineData("prefixed,plain,profile,shared", "from-prefixed")]
    [InlineData("plain,profile,shared", "from-profile")]
    [InlineData("plain", "default")]
    [InlineData("profile,shared", "from-profile")]
    [InlineData("shared", "from-shared")]
    [InlineData("", "default")]
    public void The_first_source_with_a_value_wins(string sources, string expected)
    {
        using var folder = new TempFolder(withNukeFolder: true);
        var has = sources.Split(',');
        var arguments = new List<string> { "--profile", "ci" };
        var environment = new Dictionary<string, string>();
        if (has.Contains("arg"))
        {
            arguments.AddRange(["--deploy-env", "from-arg"]);
        }

        if (has.Contains("prefixed"))
        {
            environment["MANTIS_DEPLOY_ENV"] = "from-prefixed";
        }

        if (has.Contains("plain"))
        {
            environment["DEPLOY_ENV"] = "from-plain";
        }

        folder.WriteNukeFile("parameters.ci.json",
            has.Contains("profile") ? """{ "DeployEnv": "from-profile" }""" : "{}");
        folder.WriteNukeFile("parameters.json", has.Contains("shared")
            ? """{ "$schema": "./build.schema.json", "DeployEnv": "from-shared" }"""
            : "{}");
        var build = new TypedBuild();

        var result = BuildHarness.Run(build, x => x.Show, [.. arguments], environment, folder.Path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(expected, build.DeployEnv);
    }

    [Fact]
    public void Values_convert_to_the_parameter_types()
    {
        var build = new TypedBuild();

        var result = BuildHarness.Run(build, x => x.Show,
        [
            "--timeout", "5m", "--mode", "THOROUGH", "--ratio", "0.25", "--big", "8000000000",
            "--port", "5432", "--paths", "src", "tests,docs", "--fast",
        ]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(TimeSpan.FromMinutes(5), build.Timeout);
        Assert.Equal(Mode.Thorough, build.Mode);
        Assert.Equal(0.25, build.Ratio);
        Assert.Equal(8_000_000_000L, build.Big);
        Assert.Equal(5432, build.Port);
        Assert.Equal(["src", "tests", "docs"], build.Paths);
        Assert.True(build.Fast);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("1.5s", 1.5)]
    [InlineData("2h", 7200)]
    [InlineData("00:00:45", 45)]
    public void Durations_take_a_unit_or_the_clock_form(string text, double seconds)
    {
        var build = new TypedBuild();

        BuildHarness.Run(build, x => x.Show, ["--timeout", text]);

        Assert.Equal(TimeSpan.FromSeconds(seconds), build.Timeout);
    }

    [Fact]
    public void A_flag_followed_by_a_target_name_stays_a_flag()
    {
        var build = new TypedBuild();

        var result = BuildHarness.Run(build, x => x.Show, ["--fast", "Show", "--fast", "false"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.False(build.Fast);
        Assert.Equal(["Show"], build.InvokedTargets);
    }

    [Fact]
    public void Unset_parameters_keep_their_initializers()
    {
        var build = new TypedBuild();

        BuildHarness.Run(build, x => x.Show, []);

        Assert.Equal(TimeSpan.FromSeconds(10), build.Timeout);
        Assert.Null(build.Port);
        Assert.False(build.Fast);
    }

    [Fact]
    public void An_enum_error_lists_the_names()
    {
        var result = BuildHarness.Run(new TypedBuild(), x => x.Show, ["--mode", "slow"]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("Expected one of Fast, Thorough.", result.Output);
    }

    [Fact]
    public void Json_arrays_and_numbers_bind_like_arguments()
    {
        using var folder = new TempFolder(withNukeFolder: true);
        folder.WriteNukeFile("parameters.json", """{ "Paths": ["a", "b"], "port": 6379 }""");
        var build = new TypedBuild();

        BuildHarness.Run(build, x => x.Show, [], workingDirectory: folder.Path);

        Assert.Equal(["a", "b"], build.Paths);
        Assert.Equal(6379, build.Port);
    }

    public enum Mode
    {
        Fast,
        Thorough,
    }

    private sealed class TypedBuild : PipelineBuild
    {
        [Parameter("Where to deploy")]
        public readonly string DeployEnv = "default";

        [Parameter("How long to wait")]
        public readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        [Parameter("How hard to try")]
        public readonly Mode Mode = Mode.Fast;

        [Parameter("A fraction")]
        public readonly double Ratio = 0;

        [Parameter("A large count")]
        public readonly long Big = 0;

        [Parameter("A port")]
        public readonly int? Port = null;

        [Parameter("Paths to scan")]
        public readonly string[] Paths = [];

        [Parameter("Skip the slow parts")]
        public readonly bool Fast = false;

        public Target Show => _ => _.Executes(() => { });
    }
}
