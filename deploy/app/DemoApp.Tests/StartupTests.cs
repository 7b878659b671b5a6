using System.Net;
using System.Text.Json;

namespace DemoApp.Tests;

/// <summary>Runs the real app process, without databases: what an operator sees at startup.</summary>
public sealed class StartupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Exits_non_zero_with_one_line_naming_a_missing_database_url()
    {
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["REDIS_URL"] = TestValues.Url("redis", null, "127.0.0.1:6379"),
        });

        var exitCode = await app.WaitForExitAsync(Patience);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(app.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Mantis Notes cannot start: DATABASE_URL is not set.", line);
    }

    [Fact]
    public async Task Stays_alive_but_reports_503_when_database_and_redis_are_unreachable()
    {
        var password = TestValues.NewPassword();
        var closedPort = AppProcess.FreePort();
        var address = $"http://127.0.0.1:{AppProcess.FreePort()}";

        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = TestValues.Url(
                "postgres", TestValues.UserInfo("app", password), $"127.0.0.1:{closedPort}", "/notes"),
            ["REDIS_URL"] = TestValues.Url(
                "redis", ":" + Uri.EscapeDataString(password), $"127.0.0.1:{closedPort}"),
            ["APP_VERSION"] = "3f2a9c1",
            ["APP_RELEASE"] = "12",
            ["ASPNETCORE_URLS"] = address,
        });
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var liveness = await WaitForLivenessAsync(client, app);
        var comprehensive = await client.GetAsync("/api/health/comprehensive");
        var body = await comprehensive.Content.ReadAsStringAsync();
        var notes = await client.GetAsync("/api/notes");

        Assert.Equal("""{"status":"ok","version":"3f2a9c1","release":"12"}""", liveness);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, comprehensive.StatusCode);
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("unhealthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("unhealthy", checks.GetProperty("redis").GetProperty("status").GetString());
        Assert.DoesNotContain(password, body);
        Assert.DoesNotContain(Uri.EscapeDataString(password), body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notes.StatusCode);
        Assert.Contains("The notes database is unavailable.", await notes.Content.ReadAsStringAsync());
        Assert.Contains($"using database notes on 127.0.0.1:{closedPort}", app.Output);
        Assert.DoesNotContain(password, app.Output);
    }

    private static async Task<string> WaitForLivenessAsync(HttpClient client, AppProcess app)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                return await client.GetStringAsync("/api/health");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"The app did not answer within {Patience}: {app.Errors}");
    }
}
