using System.Diagnostics;
using System.Net.Sockets;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Gates.Health;

/// <summary>
/// Polls the release's comprehensive health endpoint until every check is healthy, the
/// answer cannot be read, or the timeout passes.
/// </summary>
public sealed class HealthGate : IGate
{
    private readonly Uri _url;
    private readonly HealthGateOptions _options;

    public HealthGate(Uri baseUrl, HealthGateOptions? options = null)
    {
        _options = options ?? new HealthGateOptions();
        var root = GateAddress.Check(baseUrl, _options.AllowRemoteHost, HealthJudge.GateName);
        _url = new Uri(root, _options.Path.TrimStart('/'));
    }

    public string Name => HealthJudge.GateName;

    public async Task<GateResult> RunAsync(CancellationToken cancellationToken)
    {
        using var client = GateHttp.CreateClient(_url);
        var clock = Stopwatch.StartNew();
        Log.Information($"Health gate: polling {_url} for up to {_options.Timeout.TotalSeconds:0} s.");

        // The timeout bounds when the last poll starts; each poll has its own request timeout.
        while (true)
        {
            var observation = await ObserveAsync(client, cancellationToken);
            var result = HealthJudge.Judge(observation, _options, clock.Elapsed);

            var outOfTime = clock.Elapsed + _options.PollInterval > _options.Timeout;
            if (HealthJudge.IsSettled(result.Verdict) || outOfTime)
            {
                return result;
            }

            Log.Debug($"Health gate: {result.Summary} Polling again.");
            await Task.Delay(_options.PollInterval, cancellationToken);
        }
    }

    private async Task<HealthObservation> ObserveAsync(
        HttpClient client, CancellationToken cancellationToken)
    {
        var deadline = _options.RequestTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);

        try
        {
            using var response = await client.GetAsync(_url, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return Read(response, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = $"no answer within {deadline.TotalSeconds:0.#} s";
            return new HealthObservation.Unanswered(_url, reason);
        }
        catch (HttpRequestException e)
        {
            return new HealthObservation.Unanswered(_url, Reason(e));
        }
    }

    private HealthObservation Read(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        try
        {
            return new HealthObservation.Answered(_url, status, HealthReportParser.Parse(body));
        }
        catch (FormatException e)
        {
            return new HealthObservation.Malformed(_url, status, e.Message);
        }
    }

    private static string Reason(HttpRequestException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException s => s.SocketErrorCode.ToString(),
        _ => e.Message,
    };
}
