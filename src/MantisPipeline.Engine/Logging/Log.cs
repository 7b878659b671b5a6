namespace MantisPipeline.Engine.Logging;

public enum LogLevel
{
    Debug,
    Information,
    Warning,
    Error,
}

/// <summary>The build's one log: every line passes through the secret masker.</summary>
public static class Log
{
    // A build run in-process (as tests do) writes to its own output without disturbing others.
    private static readonly AsyncLocal<Redirection?> Current = new();

    private static LogLevel _minimumLevel = LogLevel.Information;
    private static TextWriter _out = Console.Out;

    public static LogLevel MinimumLevel
    {
        get => Current.Value?.Level ?? _minimumLevel;
        set => _minimumLevel = value;
    }

    public static TextWriter Out
    {
        get => Current.Value?.Writer ?? _out;
        set => _out = value;
    }

    public static void Debug(string message) => Write(LogLevel.Debug, message);

    public static void Information(string message) => Write(LogLevel.Information, message);

    public static void Warning(string message) => Write(LogLevel.Warning, message);

    public static void Error(string message) => Write(LogLevel.Error, message);

    public static void Error(Exception exception, string message) =>
        Write(LogLevel.Error, $"{message}{System.Environment.NewLine}{exception.Message}");

    /// <summary>Sends this async flow's log to the writer until the result is disposed.</summary>
    internal static IDisposable Redirect(TextWriter writer, LogLevel level)
    {
        var previous = Current.Value;
        Current.Value = new Redirection(writer, level);
        return new Restore(() => Current.Value = previous);
    }

    private static void Write(LogLevel level, string message)
    {
        if (level < MinimumLevel)
        {
            return;
        }

        var prefix = level switch
        {
            LogLevel.Debug => "DBG ",
            LogLevel.Warning => "WRN ",
            LogLevel.Error => "ERR ",
            _ => "",
        };
        Out.WriteLine(prefix + SecretMasker.Apply(message));
    }
}

internal sealed record Redirection(TextWriter Writer, LogLevel Level);

internal sealed class Restore(Action restore) : IDisposable
{
    public void Dispose() => restore();
}
