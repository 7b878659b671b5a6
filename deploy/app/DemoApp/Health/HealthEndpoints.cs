using DemoApp.Configuration;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DemoApp.Health;

/// <summary>Liveness at /api/health and the dependency checks at /api/health/comprehensive.</summary>
internal static class HealthEndpoints
{
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    public static IServiceCollection AddDependencyHealthChecks(this IServiceCollection services)
    {
        // The health check service runs registered checks concurrently, each under its timeout.
        services
            .AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", timeout: CheckTimeout)
            .AddCheck<RedisHealthCheck>("redis", timeout: CheckTimeout);

        return services;
    }

    public static void MapHealthEndpoints(this WebApplication app, AppSettings settings)
    {
        app.MapGet("/api/health", () =>
            Results.Json(
                new { status = "ok", version = settings.Version, release = settings.Release },
                AppJson.Options));

        app.MapHealthChecks("/api/health/comprehensive", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = (context, report) => WriteAsync(context, report, settings),
        });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report, AppSettings settings)
    {
        var scrubber = context.RequestServices.GetRequiredService<SecretScrubber>();
        var response = HealthResponse.From(report, settings.Version, scrubber);

        context.Response.StatusCode = response.StatusCode;
        return context.Response.WriteAsJsonAsync(response, AppJson.Options);
    }
}
