namespace MantisPipeline.Engine.Internal;

/// <summary>A mistake in the arguments, parameters or graph, found before any target runs.</summary>
internal sealed class UsageException(string message, Exception? inner = null)
    : Exception(message, inner);
