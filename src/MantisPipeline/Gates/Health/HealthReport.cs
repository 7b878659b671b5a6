namespace MantisPipeline.Gates.Health;

/// <summary>What the release's comprehensive health endpoint said about itself.</summary>
public sealed record HealthReport(
    string Status, string? Version, IReadOnlyList<HealthCheckReport> Checks);

public sealed record HealthCheckReport(string Name, string Status, double? LatencyMs, string? Error)
{
    public bool IsHealthy => string.Equals(Status, "healthy", StringComparison.OrdinalIgnoreCase);
}
