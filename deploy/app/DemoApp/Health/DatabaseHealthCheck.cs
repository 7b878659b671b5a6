using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace DemoApp.Health;

/// <summary>Healthy when the database answers SELECT 1 through the app's own pool.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource, SecretScrubber scrubber)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");

            // WaitAsync returns at the check's timeout even if a network read ignores the token.
            await command.ExecuteScalarAsync(cancellationToken).WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(scrubber.Scrub(exception.Message));
        }
    }
}
