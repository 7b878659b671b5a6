namespace MantisPipeline.Gates.Perf;

/// <summary>
/// The figures measured for one endpoint. Latencies are of successful requests; errors are
/// responses of 400 and above, refused connections and timeouts.
/// </summary>
public sealed record EndpointMeasurement(
    string Path,
    long Requests,
    long Errors,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    TimeSpan Elapsed,
    bool StoppedByTimeCap,
    IReadOnlyList<string> ErrorSamples)
{
    public double ErrorRate => Requests == 0 ? 0 : (double)Errors / Requests;

    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;
}
