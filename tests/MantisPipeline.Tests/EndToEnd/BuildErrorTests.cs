using System.Text.RegularExpressions;

namespace MantisPipeline.Tests.EndToEnd;

/// <summary>Mistakes a user makes on the command line: each stops with a clear paragraph.</summary>
public sealed class BuildErrorTests : IAsyncLifetime
{
    private readonly TestEnvironment _environment = new(
        dockerEndpoint: $"unix:///tmp/mantis-missing-{Guid.NewGuid():N}.sock", localServices: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _environment.DisposeAsync().AsTask();

    [Fact]
    public async Task Plan_prints_the_order_of_a_deploy_and_runs_nothing()
    {
        var outcome = await BuildScript.RunAsync(["--plan", "Deploy", "--env", "local"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var order = new[] { "Prerequisites", "SecretScan", "AuditConfig", "Test", "BuildImage", "Migrate", "Deploy",
            "HealthGate", "SmokeGate", "PerfGate", "Promote", "AutoRollback" };
        var planned = Regex.Matches(outcome.Output, @"^\d+\.\s+(\w+)", RegexOptions.Multiline)
            .Select(match => match.Groups[1].Value);
        Assert.Equal(order, planned);
        Assert.DoesNotContain("Succeeded", outcome.Output);
    }

    [Fact]
    public async Task An_unknown_target_suggests_the_closest_name()
    {
        var outcome = await BuildScript.RunAsync(["Deplyo", "--env", "local"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Deplyo", outcome.Output);
        Assert.Contains("Deploy", outcome.Output);
    }

    [Fact]
    public async Task An_unknown_environment_names_the_ones_defined()
    {
        var outcome = await BuildScript.RunAsync(["Deploy", "--env", "prodution"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("prodution", outcome.Output);
        Assert.Contains("production", outcome.Output);
        Assert.DoesNotContain("Succeeded", outcome.Output);
    }

    [Fact]
    public async Task A_missing_environment_parameter_says_how_to_pass_it()
    {
        var outcome = await BuildScript.RunAsync(["Deploy"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--env", outcome.Output);
        Assert.Contains("MANTIS_ENV", outcome.Output);
    }

    [Theory]
    [InlineData("--skip", "HealthGate")]
    [InlineData("--skip")]
    public async Task A_deploy_refuses_to_start_when_its_gates_would_not_run(params string[] skip)
    {
        var outcome = await BuildScript.RunAsync(["Deploy", "--env", "local", .. skip]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("cannot run: a deploy switches traffic only when HealthGate", outcome.Output);
        Assert.DoesNotContain("Succeeded", outcome.Output);
    }

    [Fact]
    public async Task Unset_connection_variables_of_a_remote_environment_stop_the_build_before_it_runs()
    {
        var outcome = await _environment.RunAsync(["Deploy"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("the environment's connection strings are not set", outcome.Output);
        Assert.DoesNotContain("Succeeded", outcome.Output);
    }

    [Fact]
    public async Task A_stopped_docker_engine_stops_the_deploy_before_it_changes_anything()
    {
        var variables = new Dictionary<string, string>
        {
            [_environment.DatabaseVariable] = "postgres://app@127.0.0.1:1/app",
            [_environment.RedisVariable] = "redis://127.0.0.1:1",
        };

        var outcome = await _environment.RunAsync(["Deploy", "--skip", "SecretScan", "Test"], variables);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("Failed", outcome.StatusOf("Prerequisites"));
        Assert.Equal("NotRun", outcome.StatusOf("Deploy"));
        Assert.Contains("dockerd", outcome.Output);
    }
}
