using Docker.DotNet.Models;
using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Containers;

/// <summary>
/// Collects the engine's progress messages for a build, push, pull or import. The engine
/// reports failures only here, so callers check <see cref="Error"/> and throw themselves.
/// It is synchronous on purpose: System.Progress posts to the thread pool and can lose the
/// last message, which is usually the error.
/// </summary>
internal sealed class ProgressLog : IProgress<JSONMessage>
{
    private const int KeptLines = 20;

    private readonly Queue<string> _lastLines = new();

    public string? Error { get; private set; }

    public List<string> Statuses { get; } = [];

    public IReadOnlyCollection<string> LastLines => _lastLines;

    public void Report(JSONMessage value)
    {
        var error = value.Error?.Message ?? value.ErrorMessage;
        if (!string.IsNullOrWhiteSpace(error))
        {
            Error = error.Trim();
            Keep(Error);
            return;
        }

        if (!string.IsNullOrEmpty(value.Stream))
        {
            foreach (var line in value.Stream.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Log.Debug(line.TrimEnd());
                Keep(line.TrimEnd());
            }
        }

        if (!string.IsNullOrEmpty(value.Status) && value.Progress is null)
        {
            var status = string.IsNullOrEmpty(value.ID) ? value.Status : $"{value.ID}: {value.Status}";
            Statuses.Add(status);
            Log.Debug(status);
            Keep(status);
        }
    }

    public string Tail() => string.Join(Environment.NewLine, _lastLines.Select(l => "  " + l));

    private void Keep(string line)
    {
        _lastLines.Enqueue(line);
        if (_lastLines.Count > KeptLines)
        {
            _lastLines.Dequeue();
        }
    }
}
