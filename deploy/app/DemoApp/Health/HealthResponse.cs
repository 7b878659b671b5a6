using System.Text.Json.Serialization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DemoApp.Health;

/// <summary>The body of /api/health/comprehensive, as the pipeline's health gate reads it.</summary>
internal sealed record HealthResponse(
    string Status,
    string Version,
    IReadOnlyDictionary<string, CheckResponse> Checks)
{
    public const string Healthy = "healthy";

    public const string Unhealthy = "unhealthy";

    [JsonIgnore]
    public int StatusCode =>
        Status == Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;

    public static HealthResponse From(HealthReport report, string version, SecretScrubber scrubber)
    {
        var checks = report.Entries.ToDictionary(
            entry => entry.Key,
            entry => CheckResponse.From(entry.Value, scrubber));

        var allHealthy = checks.Values.All(check => check.Status == Healthy);
        return new HealthResponse(allHealthy ? Healthy : Unhealthy, version, checks);
    }
}

/// <summary>One dependency's outcome: its status, how long it took, and why it failed.</summary>
internal sealed record CheckResponse(
    string Status,
    double LatencyMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error)
{
    public static CheckResponse From(HealthReportEntry entry, SecretScrubber scrubber)
    {
        var latency = Math.Round(
            entry.Duration.TotalMilliseconds, 1, MidpointRounding.AwayFromZero);
        if (entry.Status == HealthStatus.Healthy)
        {
            return new CheckResponse(HealthResponse.Healthy, latency, null);
        }

        return new CheckResponse(HealthResponse.Unhealthy, latency, scrubber.Scrub(Reason(entry)));
    }

    private static string Reason(HealthReportEntry entry)
    {
        if (entry.Exception is OperationCanceledException)
        {
            return $"no answer within {HealthEndpoints.CheckTimeout.TotalMilliseconds:0} ms";
        }

        return entry.Description ?? entry.Exception?.Message ?? "the check failed without a reason";
    }
}
