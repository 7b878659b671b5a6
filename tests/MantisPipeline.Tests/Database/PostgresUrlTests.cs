using System.Security.Cryptography;
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

    [Theory]
    [InlineData("{0}@:/?#[]%$&+=x~ {1}")]
    [InlineData("{0}/{1}@{2}")]
    [InlineData("{0}?{1}@{2}#")]
    [InlineData("{0}#{1}:{2}@")]
    [InlineData("{0}:{1}/@/{2}")]
    public void Redacted_hides_every_part_of_an_unencoded_password(string template)
    {
        var password = NastyPassword(template);
        string[] urls =
        [
            $"postgres://app:{password}@db.internal:6543/shop?sslmode=require",
            $"postgresql://app:{password}@db.internal/shop",
            $"postgres://app:{password}@[::1]:5432",
            $"mysql://app:{password}@db.internal/shop",
            $"app:{password}@db.internal/shop",
        ];

        foreach (var url in urls)
        {
            AssertHidden(password, PostgresUrl.Redacted(url));
        }

        Assert.Equal("postgres://app:****@db.internal:6543/shop?sslmode=require",
            PostgresUrl.Redacted(urls[0]));
        Assert.Equal("postgres://app:****@[::1]:5432", PostgresUrl.Redacted(urls[2]));
    }

    [Fact]
    public void A_url_without_a_host_is_redacted_after_the_scheme_up_to_the_last_at_sign()
    {
        var password = NastyPassword("{0}/{1}?{2}#");

        Assert.Equal("postgres://****", PostgresUrl.Redacted($"postgres://app:{password}"));
        Assert.Equal("postgres://****@/shop",
            PostgresUrl.Redacted($"postgres://app:{password}@/shop"));
        Assert.Equal("postgres://db.internal:6543/shop",
            PostgresUrl.Redacted("postgres://db.internal:6543/shop"));
    }

    [Theory]
    [InlineData("{0}@:/?#[]%$&+=x~ {1}")]
    [InlineData("{0}/{1}@{2}")]
    [InlineData("{0}?{1}@{2}#")]
    [InlineData("{0}#{1}:{2}@")]
    [InlineData("{0}:{1}/@/{2}")]
    public void A_url_with_an_unencoded_password_is_refused_without_echoing_any_part_of_it(
        string template)
    {
        var password = NastyPassword(template);
        string[] urls =
        [
            $"postgres://app:{password}@db.internal:6543/shop?sslmode=require",
            $"postgres://app:{password}@db.internal",
            $"postgres://app:{password}",
            $"mysql://app:{password}@db.internal/shop",
        ];

        foreach (var url in urls)
        {
            var error = Assert.Throws<PipelineException>(() => PostgresUrl.ToConnectionString(url));

            Assert.Contains("is not a PostgreSQL URL", error.Message);
            AssertHidden(password, error.Message);
        }
    }

    [Fact]
    public void An_unknown_option_is_named()
    {
        var error = Assert.Throws<PipelineException>(
            () => PostgresUrl.ToConnectionString("postgres://app@db/app?colour=blue"));

        Assert.Contains("colour=blue", error.Message);
    }

    // Upper-case random letters: no 4-character piece of them can match the rest of the URL.
    private static string NastyPassword(string template) =>
        string.Format(template, RandomLetters(), RandomLetters(), RandomLetters());

    private static string RandomLetters() =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 6);

    private static void AssertHidden(string password, string shown)
    {
        for (var i = 0; i + 4 <= password.Length; i++)
        {
            Assert.False(shown.Contains(password.Substring(i, 4), StringComparison.Ordinal),
                $"'{shown}' shows '{password.Substring(i, 4)}', a piece of the password");
        }
    }
}
