using DemoApp.Configuration;

namespace DemoApp.Tests;

public sealed class AppSettingsTests
{
    private readonly string databasePassword = TestValues.NewPassword();

    private readonly string redisPassword = TestValues.NewPassword();

    [Fact]
    public void Shows_dev_when_the_version_and_release_are_unset()
    {
        var settings = AppSettings.FromEnvironment(Environment(version: null, release: " "));

        Assert.Equal("dev", settings.Version);
        Assert.Equal("dev", settings.Release);
    }

    [Fact]
    public void Reads_the_version_and_release_and_lists_both_passwords_as_secrets()
    {
        var settings = AppSettings.FromEnvironment(Environment(version: "3f2a9c1", release: "r42"));

        Assert.Equal("3f2a9c1", settings.Version);
        Assert.Equal("r42", settings.Release);
        Assert.Equal([databasePassword, redisPassword], settings.Secrets);
    }

    [Fact]
    public void Stops_at_a_missing_redis_url_before_anything_starts()
    {
        var variables = Environment(version: null, release: null);

        var error = Assert.Throws<ConfigurationException>(() =>
            AppSettings.FromEnvironment(name => name == "REDIS_URL" ? null : variables(name)));

        Assert.StartsWith("REDIS_URL is not set", error.Message);
    }

    private Func<string, string?> Environment(string? version, string? release)
    {
        var values = new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = TestValues.Url(
                "postgres", TestValues.UserInfo("app", databasePassword), "127.0.0.1:5432", "/notes"),
            ["REDIS_URL"] = TestValues.Url(
                "redis", ":" + Uri.EscapeDataString(redisPassword), "127.0.0.1:6379"),
            ["APP_VERSION"] = version,
            ["APP_RELEASE"] = release,
        };

        return name => values.GetValueOrDefault(name);
    }
}
