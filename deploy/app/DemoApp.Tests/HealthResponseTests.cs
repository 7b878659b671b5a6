using System.Text.Json;
using DemoApp.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DemoApp.Tests;

public sealed class HealthResponseTests
{
    [Fact]
    public void Reports_healthy_with_200_and_no_error_when_every_check_passes()
    {
        var report = Report(
            ("database", Entry(HealthStatus.Healthy, 1.84)),
            ("redis", Entry(HealthStatus.Healthy, 0.52)));

        var response = HealthResponse.From(report, "3f2a9c1", new SecretScrubber([]));
        using var json = Serialize(response);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("3f2a9c1", json.RootElement.GetProperty("version").GetString());

        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("healthy", database.GetProperty("status").GetString());
        Assert.Equal(1.8, database.GetProperty("latencyMs").GetDouble());
        Assert.False(database.TryGetProperty("error", out _));
    }

    [Fact]
    public void Reports_unhealthy_with_503_and_a_scrubbed_error_when_one_check_fails()
    {
        var password = TestValues.NewPassword();
        var report = Report(
            ("database", Entry(HealthStatus.Healthy, 2.0)),
            ("redis", Entry(HealthStatus.Unhealthy, 3.25, $"WRONGPASS for password={password}")));

        var response = HealthResponse.From(report, "dev", new SecretScrubber([password]));
        using var json = Serialize(response);

        Assert.Equal(503, response.StatusCode);
        Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());

        var redis = json.RootElement.GetProperty("checks").GetProperty("redis");
        Assert.Equal("unhealthy", redis.GetProperty("status").GetString());
        Assert.Equal(3.3, redis.GetProperty("latencyMs").GetDouble());
        Assert.Equal("WRONGPASS for password=***", redis.GetProperty("error").GetString());
        Assert.DoesNotContain(password, json.RootElement.GetRawText());
    }

    [Fact]
    public void Names_the_timeout_when_a_check_did_not_answer()
    {
        var timedOut = new HealthReportEntry(
            HealthStatus.Unhealthy,
            "A timeout occurred while running check.",
            TimeSpan.FromMilliseconds(2001),
            new OperationCanceledException(),
            data: null);

        var response = HealthResponse.From(
            Report(("database", timedOut)), "dev", new SecretScrubber([]));

        Assert.Equal("no answer within 2000 ms", response.Checks["database"].Error);
        Assert.Equal(2001.0, response.Checks["database"].LatencyMs);
    }

    private static HealthReportEntry Entry(
        HealthStatus status,
        double milliseconds,
        string? error = null)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);
        return new HealthReportEntry(status, error, duration, exception: null, data: null);
    }

    private static HealthReport Report(params (string Name, HealthReportEntry Entry)[] entries)
    {
        var byName = entries.ToDictionary(entry => entry.Name, entry => entry.Entry);
        return new HealthReport(byName, TimeSpan.FromMilliseconds(5));
    }

    private static JsonDocument Serialize(HealthResponse response)
    {
        return JsonDocument.Parse(JsonSerializer.Serialize(response, AppJson.Options));
    }
}
