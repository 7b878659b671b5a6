using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DemoApp.Health;

/// <summary>Healthy when Redis answers PING with the configured credentials.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis, SecretScrubber scrubber) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var multiplexer = await redis.GetAsync(cancellationToken).WaitAsync(cancellationToken);

            // PING takes no token; WaitAsync makes the check's timeout bind it anyway.
            await multiplexer.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(scrubber.Scrub(FirstCause(exception.Message)));
        }
    }

    // StackExchange.Redis appends thread-pool and multiplexer figures that explain nothing to
    // an operator; the cause ("NOAUTH Authentication required") comes before them.
    private static string FirstCause(string message)
    {
        var diagnostics = message.IndexOf(" Attempted command:", StringComparison.Ordinal);
        return diagnostics > 0 ? message[..diagnostics] : message;
    }
}
