namespace DemoApp.Configuration;

/// <summary>A missing or malformed environment variable; the message names it, never its value.</summary>
internal sealed class ConfigurationException(string message) : Exception(message);
