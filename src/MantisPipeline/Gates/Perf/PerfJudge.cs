using System.Globalization;

namespace MantisPipeline.Gates.Perf;

/// <summary>Compares one endpoint's measured figures with its thresholds, without any I/O.</summary>
public static class PerfJudge
{
    public const string GateName = "Perf";

    public static GateCheck Judge(
        EndpointMeasurement measured, PerfThresholds limits, int minimumSamples)
    {
        if (measured.Requests < minimumSamples)
        {
            var why = measured.StoppedByTimeCap ? ", stopped by the time cap" : "";
            var detail = $"only {measured.Requests} requests completed, {minimumSamples} needed{why}";
            return new GateCheck(measured.Path, Verdict.Inconclusive, detail);
        }

        var failures = Failures(measured, limits).ToList();
        if (failures.Count > 0)
        {
            return new GateCheck(measured.Path, Verdict.Fail, string.Join("; ", failures));
        }

        var passed = $"p95 {Ms(measured.P95Ms)} <= {Ms(limits.P95Ms)}, "
            + $"errors {Percent(measured.ErrorRate)} <= {Percent(limits.MaxErrorRate)}";
        return new GateCheck(measured.Path, Verdict.Pass, passed);
    }

    public static string Summarize(Verdict verdict, IReadOnlyList<GateCheck> checks)
    {
        var notPassed = checks.Where(c => c.Verdict != Verdict.Pass)
            .Select(c => $"{c.Name} ({c.Detail})");
        return verdict switch
        {
            Verdict.Pass => $"All {checks.Count} endpoints within their thresholds.",
            Verdict.Inconclusive => $"Not enough requests to judge: {string.Join("; ", notPassed)}.",
            _ => $"Thresholds missed: {string.Join("; ", notPassed)}.",
        };
    }

    public static IReadOnlyList<string> FormatFigures(IEnumerable<EndpointMeasurement> measurements)
    {
        string[] header = ["Endpoint", "Requests", "Errors", "p50", "p95", "p99", "max", "rps"];
        var rows = measurements.Select(m => new[]
        {
            m.Path,
            m.Requests.ToString(CultureInfo.InvariantCulture),
            m.Errors.ToString(CultureInfo.InvariantCulture),
            Ms(m.P50Ms),
            Ms(m.P95Ms),
            Ms(m.P99Ms),
            Ms(m.MaxMs),
            m.RequestsPerSecond.ToString("0", CultureInfo.InvariantCulture),
        }).ToList();
        return TextTable.Format(header, rows);
    }

    private static IEnumerable<string> Failures(EndpointMeasurement measured, PerfThresholds limits)
    {
        if (measured.ErrorRate > limits.MaxErrorRate)
        {
            var sample = measured.ErrorSamples.Count > 0 ? $", e.g. {measured.ErrorSamples[0]}" : "";
            yield return $"error rate {Percent(measured.ErrorRate)} > {Percent(limits.MaxErrorRate)} "
                + $"({measured.Errors} of {measured.Requests}{sample})";
        }

        if (measured.P95Ms > limits.P95Ms)
        {
            yield return $"p95 {Ms(measured.P95Ms)} > {Ms(limits.P95Ms)}";
        }

        if (limits.P99Ms is { } p99 && measured.P99Ms > p99)
        {
            yield return $"p99 {Ms(measured.P99Ms)} > {Ms(p99)}";
        }
    }

    private static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static string Percent(double rate) => rate.ToString("0.0%", CultureInfo.InvariantCulture);
}
