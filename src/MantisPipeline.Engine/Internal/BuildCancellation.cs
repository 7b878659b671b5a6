namespace MantisPipeline.Engine.Internal;

/// <summary>
/// Cancel requests (Ctrl-C, SIGINT, SIGTERM) for one build, in two stages: the first request
/// cancels the build and its running target, a further one cancels the assured targets too.
/// </summary>
internal sealed class BuildCancellation(TimeProvider clock)
{
    /// <summary>
    /// Requests this close to the last one that counted are the same request: GNU
    /// <c>timeout -s INT</c> signals the build and then its process group, milliseconds apart.
    /// </summary>
    public static readonly TimeSpan SameRequestWindow = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private readonly CancellationTokenSource _build = new();
    private readonly CancellationTokenSource _assured = new();
    private long? _lastCounted;

    public BuildCancellation()
        : this(TimeProvider.System)
    {
    }

    public bool IsRequested => _build.IsCancellationRequested;

    /// <summary>Cancelled by the first request; what every target but an assured one runs with.</summary>
    public CancellationToken BuildToken => _build.Token;

    /// <summary>Cancelled only by a request made after the build was already cancelled.</summary>
    public CancellationToken AssuredToken => _assured.Token;

    public CancelStage Request()
    {
        var stage = Count();
        switch (stage)
        {
            case CancelStage.Build:
                _build.Cancel();
                break;
            case CancelStage.Assured:
                _assured.Cancel();
                break;
        }

        return stage;
    }

    private CancelStage Count()
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            if (_lastCounted is { } last && clock.GetElapsedTime(last, now) < SameRequestWindow)
            {
                return CancelStage.Repeated;
            }

            _lastCounted = now;
            return _build.IsCancellationRequested ? CancelStage.Assured : CancelStage.Build;
        }
    }
}

/// <summary>What one cancel request did.</summary>
internal enum CancelStage
{
    /// <summary>Cancelled the build and its running target; assured targets still run.</summary>
    Build,

    /// <summary>Cancelled the assured targets as well.</summary>
    Assured,

    /// <summary>Nothing: it came within a second of the previous request, so it is that one.</summary>
    Repeated,
}
