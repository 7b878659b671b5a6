namespace MantisPipeline.Gates.Health;

/// <summary>The outcome of one poll of the health endpoint.</summary>
public abstract record HealthObservation(Uri Url)
{
    /// <summary>The release did not answer: refused, reset or timed out.</summary>
    public sealed record Unanswered(Uri Url, string Reason) : HealthObservation(Url);

    public sealed record Answered(Uri Url, int StatusCode, HealthReport Report) : HealthObservation(Url);

    /// <summary>The release answered with something that is not a health report.</summary>
    public sealed record Malformed(Uri Url, int StatusCode, string Problem) : HealthObservation(Url);
}
