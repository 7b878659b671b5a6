namespace MantisPipeline.Engine.Internal;

/// <summary>
/// Ctrl-C for one build: the first request cancels the running target, after which assured
/// targets get a fresh token; a second request cancels those too.
/// </summary>
internal sealed class BuildCancellation
{
    private readonly object _gate = new();
    private CancellationTokenSource _source = new();
    private int _requests;

    public bool IsRequested => Volatile.Read(ref _requests) > 0;

    public CancellationToken Token
    {
        get
        {
            lock (_gate)
            {
                return _source.Token;
            }
        }
    }

    public void Request()
    {
        CancellationTokenSource source;
        lock (_gate)
        {
            _requests++;
            source = _source;
        }

        source.Cancel();
    }

    /// <summary>Gives assured targets a live token, unless Ctrl-C was pressed twice.</summary>
    public void BeginAssured()
    {
        lock (_gate)
        {
            if (_requests == 1 && _source.IsCancellationRequested)
            {
                _source = new CancellationTokenSource();
            }
        }
    }
}
