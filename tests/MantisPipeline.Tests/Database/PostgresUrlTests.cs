using MantisPipeline.Database;
using MantisPipeline.Engine.Logging;
using Npgsql;

namespace MantisPipeline.Tests.Database;

public sealed class PostgresUrlTests
{
    private static readonly string Password = "p@ss:/" + Guid.NewGuid().ToString("N")[..8];

    private static string Encoded => Uri.EscapeDataString(Password);

    [Fact]
    public void Reads_user_password_host_port_database_and_options()
    {
        var url = $"postgresql://deploy%2Bbot:{Encoded}@db.internal:6543/shop?sslmode=verify-full" +
            "&application_name=mantis&connect_timeout=7";

        var builder = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString(url));

        Assert.Equal(("deploy+bot", Password), (builder.Username, builder.Password));
        Assert.Equal(("db.internal", 6543, "shop"), (builder.Host, builder.Port, builder.Database));
        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal(("mantis", 7), (builder.ApplicationName, builder.Timeout));
    }

    [Fact]
    public void The_port_defaults_to_5432_and_the_database_to_the_user()
    {
        var builder = new NpgsqlConnectionStringBuilder(
            PostgresUrl.ToConnectionString($"postgres://app:{Encoded}@10.0.0.5"));

        Assert.Equal((5432, "app"), (builder.Port, builder.Database));
    }

    [Fact]
    public void The_password_is_registered_with_the_secret_masker()
    {
        PostgresUrl.ToConnectionString($"postgres://app:{Encoded}@db/app");

        Assert.Equal($"x {SecretMasker.Mask} y", SecretMasker.Apply($"x {Password} y"));
    }

    [Theory]
    [InlineData("postgres://app:" + "s3cr3t@db:5432/app?sslmode=require",
        "postgres://app:****@db:5432/app?sslmode=require")]
    [InlineData("postgres://app@db/app", "postgres://app@db/app")]
    [InlineData("postgres://app:" + "p@ss@db/app", "postgres://app:****@db/app")]
    [InlineData("not a url", "not a url")]
    public void Redacted_replaces_the_password(string url, string expected)
    {
        Assert.Equal(expected, PostgresUrl.Redacted(url));
    }

    [Theory]
    [InlineData("mysql://app:{0}@db/app")]
    [InlineData("postgres://app:{0}@/app")]
    [InlineData("db.internal:5432")]
    public void A_malformed_url_is_refused_without_echoing_the_password(string template)
    {
        var url = string.Format(template, "hunter2hunter2");

        var error = Assert.Throws<PipelineException>(() => PostgresUrl.ToConnectionString(url));

        Assert.Contains("is not a PostgreSQL URL", error.Message);
        Assert.DoesNotContain("hunter2hunter2", error.Message);
    }

    [Fact]
    public void An_unknown_option_is_named()
    {
        var error = Assert.Throws<PipelineException>(
            () => PostgresUrl.ToConnectionString("postgres://app@db/app?colour=blue"));

        Assert.Contains("colour=blue", error.Message);
    }
}
