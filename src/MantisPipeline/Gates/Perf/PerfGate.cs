using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Gates.Perf;

/// <summary>
/// Sends a bounded load to each listed endpoint in turn and judges its latency percentiles
/// and error rate against thresholds.
/// </summary>
public sealed class PerfGate : IGate
{
    private const int MaxConcurrency = 64;

    private readonly Uri _root;
    private readonly PerfGateOptions _options;

    public PerfGate(Uri baseUrl, PerfGateOptions? options = null)
    {
        _options = options ?? new PerfGateOptions();
        _root = GateAddress.Check(baseUrl, _options.AllowRemoteHost, PerfJudge.GateName);
        CheckOptions(_options);
    }

    public string Name => PerfJudge.GateName;

    /// <summary>The figures of the last run, one per endpoint, for reports.</summary>
    public IReadOnlyList<EndpointMeasurement> Measurements { get; private set; } = [];

    public async Task<GateResult> RunAsync(CancellationToken cancellationToken)
    {
        using var client = GateHttp.CreateClient(_root, _options.Concurrency);
        var runner = new LoadRunner(client, _options);
        var capPerEndpoint = _options.TimeCap / _options.Endpoints.Count;
        var measurements = new List<EndpointMeasurement>();
        var checks = new List<GateCheck>();

        foreach (var endpoint in _options.Endpoints)
        {
            var path = endpoint.Path.TrimStart('/');
            Log.Information($"Perf gate: {_options.RequestsPerEndpoint} requests to /{path}, "
                + $"{_options.Concurrency} at a time, within {capPerEndpoint.TotalSeconds:0.#} s.");

            var measured = await runner.MeasureAsync(path, capPerEndpoint, cancellationToken);
            measurements.Add(measured);
            var limits = endpoint.Thresholds ?? _options.Thresholds;
            checks.Add(PerfJudge.Judge(measured, limits, _options.MinimumSamples));
        }

        Measurements = measurements;
        foreach (var line in PerfJudge.FormatFigures(measurements))
        {
            Log.Information(line);
        }

        var verdict = VerdictRules.Combine(checks.Select(c => c.Verdict));
        return new GateResult(PerfJudge.GateName, verdict, PerfJudge.Summarize(verdict, checks), checks);
    }

    private static void CheckOptions(PerfGateOptions options)
    {
        if (options.Endpoints.Count == 0)
        {
            throw new PipelineException(
                "The perf gate was given no endpoints to load. List at least one path in "
                + "PerfGateOptions.Endpoints, such as 'api/health'.");
        }

        if (options.Concurrency is < 1 or > MaxConcurrency || options.RequestsPerEndpoint < 1)
        {
            throw new PipelineException(
                $"The perf gate needs a concurrency from 1 to {MaxConcurrency} and at least one "
                + $"request per endpoint; it was given concurrency {options.Concurrency} and "
                + $"{options.RequestsPerEndpoint} requests. Fix PerfGateOptions.");
        }

        if (options.MinimumSamples > options.RequestsPerEndpoint)
        {
            throw new PipelineException(
                $"The perf gate would send {options.RequestsPerEndpoint} requests per endpoint but "
                + $"needs {options.MinimumSamples} to judge, so it could never pass. Raise "
                + "RequestsPerEndpoint or lower MinimumSamples in PerfGateOptions.");
        }
    }
}
