namespace MantisPipeline;

/// <summary>
/// A failure the user can fix: its message is one paragraph naming the input and the fix,
/// and the build prints it without a stack trace.
/// </summary>
public sealed class PipelineException(string message, Exception? inner = null)
    : Exception(message, inner);
