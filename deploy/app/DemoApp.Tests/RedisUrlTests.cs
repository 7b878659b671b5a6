using System.Net;
using DemoApp.Configuration;
using StackExchange.Redis;

namespace DemoApp.Tests;

public sealed class RedisUrlTests
{
    [Fact]
    public void Reads_the_password_host_and_port_and_fails_fast()
    {
        var password = TestValues.NewPassword();
        var url = TestValues.Url("redis", ":" + Uri.EscapeDataString(password), "cache.internal:6380");

        var options = RedisUrl.Parse(url);

        Assert.Equal(password, options.Password);
        Assert.Null(options.User);
        Assert.Equal(new DnsEndPoint("cache.internal", 6380), Assert.Single(options.EndPoints));
        Assert.False(options.Ssl);
        Assert.False(options.AbortOnConnectFail);
        Assert.InRange(options.ConnectTimeout, 1, 2000);
        Assert.Same(BacklogPolicy.FailFast, options.BacklogPolicy);
    }

    [Fact]
    public void Uses_tls_for_rediss_and_reads_an_acl_user_and_database_number()
    {
        var password = TestValues.NewPassword();
        var url = TestValues.Url("rediss", TestValues.UserInfo("notes", password), "cache:6379", "/2");

        var options = RedisUrl.Parse(url);

        Assert.True(options.Ssl);
        Assert.Equal("cache", options.SslHost);
        Assert.Equal("notes", options.User);
        Assert.Equal(password, options.Password);
        Assert.Equal(2, options.DefaultDatabase);
    }

    [Fact]
    public void Accepts_a_server_without_a_password()
    {
        var options = RedisUrl.Parse(TestValues.Url("redis", null, "127.0.0.1:6379"));

        Assert.Null(options.Password);
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("http://127.0.0.1:6379", "must start with redis:// or rediss://")]
    [InlineData("redis://127.0.0.1", "has no port")]
    [InlineData("redis://127.0.0.1:6379/cache", "path that is not a database number")]
    [InlineData("redis://127.0.0.1:6379?timeout=1", "has query parameters")]
    public void Rejects_a_malformed_url_naming_the_variable_and_the_expected_form(
        string? url,
        string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => RedisUrl.Parse(url));

        Assert.StartsWith("REDIS_URL ", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Contains(RedisUrl.ExpectedForm, error.Message);
    }
}
