using DemoApp.Configuration;
using Npgsql;

namespace DemoApp.Tests;

public sealed class DatabaseUrlTests
{
    [Fact]
    public void Reads_every_part_and_decodes_the_credentials()
    {
        var password = TestValues.NewPassword();
        var userInfo = TestValues.UserInfo("notes app", password);
        var url = TestValues.Url("postgres", userInfo, "db.internal:6543", "/notes?sslmode=verify-full");

        var builder = DatabaseUrl.Parse(url);

        Assert.Equal("db.internal", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("notes", builder.Database);
        Assert.Equal("notes app", builder.Username);
        Assert.Equal(password, builder.Password);
        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
    }

    [Fact]
    public void Accepts_the_postgresql_scheme_and_a_bracketed_ipv6_host()
    {
        var builder = DatabaseUrl.Parse(TestValues.Url("postgresql", "app", "[::1]:5432", "/notes"));

        Assert.Equal("::1", builder.Host);
        Assert.Equal(5432, builder.Port);
        Assert.Null(builder.Password);
    }

    [Fact]
    public void Sizes_the_pool_for_serverless_postgres_and_bounds_every_statement()
    {
        var builder = DatabaseUrl.Parse(TestValues.Url("postgres", "app", "127.0.0.1:5432", "/notes"));

        Assert.Equal(0, builder.MinPoolSize);
        Assert.Equal(10, builder.MaxPoolSize);
        Assert.Equal(15, builder.ConnectionIdleLifetime);
        Assert.Equal(5, builder.Timeout);
        Assert.Contains("-c statement_timeout=5000", builder.Options);
        Assert.Contains("-c idle_in_transaction_session_timeout=", builder.Options);
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("  ", "is not set")]
    [InlineData("mysql://app@127.0.0.1:3306/notes", "must start with postgres:// or postgresql://")]
    [InlineData("127.0.0.1:5432/notes", "must start with")]
    [InlineData("postgres://app@127.0.0.1/notes", "has no port")]
    [InlineData("postgres://app@:5432/notes", "has no host")]
    [InlineData("postgres://app@127.0.0.1:99999/notes", "port that is not a number")]
    [InlineData("postgres://app@127.0.0.1:+5432/notes", "port that is not a number")]
    [InlineData("postgres://app@127.0.0.1:5432", "has no database name")]
    [InlineData("postgres://127.0.0.1:5432/notes", "has no user")]
    [InlineData("postgres://app@127.0.0.1:5432/notes?sslmode=sometimes", "unknown sslmode value")]
    [InlineData("postgres://app@127.0.0.1:5432/notes?pooling=false", "unsupported parameter 'pooling'")]
    public void Rejects_a_malformed_url_naming_the_variable_and_the_expected_form(
        string? url,
        string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => DatabaseUrl.Parse(url));

        Assert.StartsWith("DATABASE_URL ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Contains(DatabaseUrl.ExpectedForm, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Never_repeats_the_password_in_an_error()
    {
        var password = TestValues.NewPassword();
        var userInfo = TestValues.UserInfo("app", password);
        var url = TestValues.Url("postgres", userInfo, "127.0.0.1", "/notes");

        var error = Assert.Throws<ConfigurationException>(() => DatabaseUrl.Parse(url));

        Assert.Contains("has no port", error.Message);
        Assert.DoesNotContain(password, error.Message);
        Assert.DoesNotContain(Uri.EscapeDataString(password), error.Message);
    }
}
