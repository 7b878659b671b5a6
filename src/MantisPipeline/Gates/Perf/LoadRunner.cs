using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;

namespace MantisPipeline.Gates.Perf;

/// <summary>
/// Sends a bounded number of requests to one endpoint from a fixed number of workers and
/// records each successful request's latency, in microseconds, in an HdrHistogram.
/// </summary>
internal sealed class LoadRunner(HttpClient client, PerfGateOptions options)
{
    private const long HighestMicroseconds = 10L * 60 * 1_000_000;
    private const int KeptErrorSamples = 5;

    public async Task<EndpointMeasurement> MeasureAsync(
        string path, TimeSpan cap, CancellationToken cancellationToken)
    {
        using var capped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        capped.CancelAfter(cap);

        await WarmUpAsync(path, capped.Token);

        var tally = new Tally();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency)
            .Select(_ => WorkAsync(path, tally, capped.Token));
        await Task.WhenAll(workers);
        clock.Stop();

        cancellationToken.ThrowIfCancellationRequested();
        return tally.ToMeasurement(path, clock.Elapsed, capped.IsCancellationRequested);
    }

    private async Task WarmUpAsync(string path, CancellationToken capToken)
    {
        for (var i = 0; i < options.WarmupRequests && !capToken.IsCancellationRequested; i++)
        {
            await SendAsync(path, capToken);
        }
    }

    private async Task WorkAsync(string path, Tally tally, CancellationToken capToken)
    {
        while (!capToken.IsCancellationRequested && tally.TryTakeTurn(options.RequestsPerEndpoint))
        {
            var outcome = await SendAsync(path, capToken);
            if (outcome is null)
            {
                return;
            }

            tally.Record(outcome.Value);
        }
    }

    /// <summary>Null when the time cap cut the request short: neither a sample nor an error.</summary>
    private async Task<(long Microseconds, string? Error)?> SendAsync(
        string path, CancellationToken capToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(capToken);
        deadline.CancelAfter(options.RequestTimeout);
        var started = Stopwatch.GetTimestamp();

        try
        {
            using var response = await client.GetAsync(path, deadline.Token);
            await response.Content.LoadIntoBufferAsync(deadline.Token);
            var micros = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            var error = (int)response.StatusCode >= 400 ? $"HTTP {(int)response.StatusCode}" : null;
            return (micros, error);
        }
        catch (OperationCanceledException) when (capToken.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            return (0, $"no answer within {options.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return (0, e.Message);
        }
    }

    private sealed class Tally
    {
        private readonly LongConcurrentHistogram _latencies = new(1, HighestMicroseconds, 3);
        private readonly ConcurrentQueue<string> _errorSamples = new();
        private int _turns;
        private long _requests;
        private long _errors;

        public bool TryTakeTurn(int total) => Interlocked.Increment(ref _turns) <= total;

        public void Record((long Microseconds, string? Error) outcome)
        {
            Interlocked.Increment(ref _requests);
            if (outcome.Error is null)
            {
                _latencies.RecordValue(Math.Clamp(outcome.Microseconds, 1, HighestMicroseconds));
                return;
            }

            Interlocked.Increment(ref _errors);
            if (_errorSamples.Count < KeptErrorSamples)
            {
                _errorSamples.Enqueue(outcome.Error);
            }
        }

        public EndpointMeasurement ToMeasurement(string path, TimeSpan elapsed, bool stoppedByTimeCap) =>
            new(
                path,
                _requests,
                _errors,
                Percentile(50),
                Percentile(95),
                Percentile(99),
                _latencies.TotalCount == 0 ? 0 : _latencies.GetMaxValue() / 1000.0,
                elapsed,
                stoppedByTimeCap,
                _errorSamples.ToList());

        private double Percentile(double percentile) =>
            _latencies.TotalCount == 0 ? 0 : _latencies.GetValueAtPercentile(percentile) / 1000.0;
    }
}
