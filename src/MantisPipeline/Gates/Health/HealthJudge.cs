using System.Globalization;

namespace MantisPipeline.Gates.Health;

/// <summary>Turns one poll of the health endpoint into a verdict, without any I/O.</summary>
public static class HealthJudge
{
    public const string GateName = "Health";

    /// <summary>Pass and Error end the polling; Fail and Inconclusive may still change.</summary>
    public static bool IsSettled(Verdict verdict) => verdict is Verdict.Pass or Verdict.Error;

    public static GateResult Judge(
        HealthObservation observation, HealthGateOptions options, TimeSpan waited)
    {
        return observation switch
        {
            HealthObservation.Unanswered u => JudgeUnanswered(u, waited),
            HealthObservation.Malformed m => JudgeMalformed(m),
            HealthObservation.Answered a => JudgeAnswered(a, options, waited),
            _ => throw new ArgumentOutOfRangeException(nameof(observation)),
        };
    }

    private static GateResult JudgeUnanswered(HealthObservation.Unanswered observation, TimeSpan waited)
    {
        var detail = $"no answer from {observation.Url} ({observation.Reason})";
        var check = new GateCheck("answer", Verdict.Fail, detail);
        var summary = $"The release never answered at {observation.Url} in {Seconds(waited)}: "
            + $"{observation.Reason}.";
        return new GateResult(GateName, Verdict.Fail, summary, [check]);
    }

    private static GateResult JudgeMalformed(HealthObservation.Malformed observation)
    {
        var detail = $"HTTP {observation.StatusCode}, not a health report: {observation.Problem}";
        var check = new GateCheck("report", Verdict.Error, detail);
        var summary = $"{observation.Url} answered HTTP {observation.StatusCode} with a body that is "
            + $"not the expected health report ({observation.Problem}).";
        return new GateResult(GateName, Verdict.Error, summary, [check]);
    }

    private static GateResult JudgeAnswered(
        HealthObservation.Answered observation, HealthGateOptions options, TimeSpan waited)
    {
        var report = observation.Report;
        var checks = new List<GateCheck> { StatusCheck(observation) };
        checks.AddRange(report.Checks.Select(ReportedCheck));
        checks.AddRange(MissingChecks(report, options.RequiredChecks));

        if (options.ExpectedVersion is { } expected)
        {
            checks.Add(VersionCheck(report.Version, expected));
        }

        var verdict = report.Checks.Count == 0 && options.RequiredChecks.Count == 0
            ? Verdict.Inconclusive
            : VerdictRules.Combine(checks.Select(c => c.Verdict));
        return new GateResult(GateName, verdict, Summarize(verdict, checks, report, waited), checks);
    }

    private static GateCheck StatusCheck(HealthObservation.Answered observation)
    {
        var status = observation.Report.Status;
        var healthy = observation.StatusCode == 200
            && string.Equals(status, "healthy", StringComparison.OrdinalIgnoreCase);
        var detail = $"HTTP {observation.StatusCode}, status '{status}'";
        return new GateCheck("status", healthy ? Verdict.Pass : Verdict.Fail, detail);
    }

    private static GateCheck ReportedCheck(HealthCheckReport check)
    {
        var latency = check.LatencyMs is { } ms ? $" in {Milliseconds(ms)}" : "";
        if (check.IsHealthy)
        {
            return new GateCheck(check.Name, Verdict.Pass, $"healthy{latency}");
        }

        var error = check.Error is null ? "" : $": {check.Error}";
        return new GateCheck(check.Name, Verdict.Fail, $"{check.Status}{latency}{error}");
    }

    private static IEnumerable<GateCheck> MissingChecks(
        HealthReport report, IReadOnlyList<string> required)
    {
        var reported = report.Checks.Select(c => c.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return required
            .Where(name => !reported.Contains(name))
            .Select(name => new GateCheck(name, Verdict.Fail, "not reported by the release"));
    }

    private static GateCheck VersionCheck(string? reported, string expected)
    {
        if (string.Equals(reported, expected, StringComparison.Ordinal))
        {
            return new GateCheck("version", Verdict.Pass, $"version {expected}");
        }

        var detail = $"version '{reported ?? "(none)"}' answered, expected '{expected}'";
        return new GateCheck("version", Verdict.Fail, detail);
    }

    private static string Summarize(
        Verdict verdict, List<GateCheck> checks, HealthReport report, TimeSpan waited)
    {
        if (verdict == Verdict.Pass)
        {
            var names = string.Join(", ", report.Checks.Select(check => check.Name));
            return $"Every dependency healthy ({names}) after {Seconds(waited)}.";
        }

        if (verdict == Verdict.Inconclusive)
        {
            return "The release reported no checks, so its health cannot be judged.";
        }

        var failed = checks.Where(c => c.Verdict == Verdict.Fail).Select(c => $"{c.Name} ({c.Detail})");
        return $"Not healthy after {Seconds(waited)}: {string.Join("; ", failed)}.";
    }

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Milliseconds(double ms) =>
        ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
