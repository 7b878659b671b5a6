using MantisPipeline.Environments;
using MantisPipeline.Findings;
using MantisPipeline.Tests.EndToEnd;

namespace MantisPipeline.Tests.Environments;

public sealed class EnvironmentCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mantis-env-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_repository_environments_load_with_their_settings()
    {
        var catalog = new EnvironmentCatalog(Path.Combine(BuildScript.RepositoryRoot, "deploy", "environments"));

        var local = catalog.Load("local");
        var production = catalog.Load("production");

        Assert.Equal(["local", "production", "staging"], catalog.Names);
        Assert.True(local.IsLocal);
        Assert.Equal(new Uri("http://127.0.0.1:5080"), local.AppUrl);
        Assert.Equal("MANTIS_LOCAL_REDIS_URL", local.Redis.Variable);
        Assert.Null(local.Audit.FailAt);
        Assert.False(production.IsLocal);
        Assert.Equal(Severity.High, production.Audit.FailAt);
        Assert.True(production.Database.Serverless);
    }

    [Fact]
    public void An_unknown_environment_names_the_ones_defined()
    {
        Write("staging", Valid());

        var error = Assert.Throws<PipelineException>(() => Catalog().Load("stagin"));

        Assert.Contains("Unknown environment 'stagin'", error.Message);
        Assert.Contains("The environments defined are: staging", error.Message);
    }

    [Theory]
    [InlineData("  port: 8080\n", "  port: 8080\n  prot: 9090\n", "unknown key 'app.prot' at line 6")]
    [InlineData("  port: 8080\n", "", "the key 'app.port' is missing from 'app'")]
    [InlineData("  port: 8080\n", "  port: eighty\n", "'app.port' at line 5 must be a whole number")]
    [InlineData("    timeout: 30s\n", "    timeout: 30\n", "must be a duration with its unit")]
    [InlineData("    timeout: 30s\n", "    timeout: 1e300h\n", "must be a duration with its unit")]
    [InlineData("    p95_ms: 250\n", "    p95_ms: NaN\n", "'gates.perf.p95_ms' at line 17 must be a number")]
    [InlineData("    requests: 200\n", "    requests: 20\n", "must be a whole number from 50 to 10000")]
    [InlineData("    endpoints: [/api/health]\n", "    endpoints: [\"http://127.0.0.1:9/x\"]\n",
        "lists the endpoint 'http://127.0.0.1:9/x', which is not a path of the app")]
    [InlineData("  fail_at: high\n", "  fail_at: sometimes\n", "'audit' at line 19 has a bad 'fail_at'")]
    [InlineData("  port: 8080\n", "  port: [8080\n", "is not valid YAML")]
    public void A_mistake_in_a_file_names_the_file_the_key_and_the_fix(
        string line, string replacement, string expected)
    {
        Write("staging", Valid().Replace(line, replacement));

        var error = Assert.Throws<PipelineException>(() => Catalog().Load("staging"));

        Assert.Contains(expected, error.Message);
        Assert.Contains("staging.yml", error.Message);
    }

    [Fact]
    public void A_connection_string_in_the_file_is_refused_without_being_echoed()
    {
        var url = "postgres://deploy:" + Guid.NewGuid().ToString("N") + "@db.internal/app";
        Write("staging", Valid().Replace("url_from: STAGING_DATABASE_URL", $"url_from: {url}"));

        var error = Assert.Throws<PipelineException>(() => Catalog().Load("staging"));

        Assert.Contains("'url_from' that is not the name of an environment variable", error.Message);
        Assert.DoesNotContain(url.Split(':', '@')[2], error.Message);
    }

    private EnvironmentCatalog Catalog() => new(_folder);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, $"{name}.yml"), text);

    private static string Valid() =>
        "docker:\n" +
        "  endpoint: unix:///var/run/docker.sock\n" +
        "app:\n" +
        "  name: notes\n" +
        "  port: 8080\n" +
        "  base_image: mcr.microsoft.com/dotnet/aspnet:10.0\n" +
        "database:\n" +
        "  url_from: STAGING_DATABASE_URL\n" +
        "redis:\n" +
        "  url_from: STAGING_REDIS_URL\n" +
        "gates:\n" +
        "  health:\n" +
        "    timeout: 30s\n" +
        "  perf:\n" +
        "    endpoints: [/api/health]\n" +
        "    requests: 200\n" +
        "    p95_ms: 250\n" +
        "audit:\n" +
        "  fail_at: high\n";
}
