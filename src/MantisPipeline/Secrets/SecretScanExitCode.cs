namespace MantisPipeline.Secrets;

/// <summary>Process exit codes that keep "secrets were found" apart from "the scan could not finish".</summary>
public static class SecretScanExitCode
{
    public const int Clean = 0;

    /// <summary>At least one finding that no baseline entry or allow comment accepts.</summary>
    public const int SecretsFound = 1;

    /// <summary>The scan failed or was incomplete (a shallow clone, unreadable objects, bad input).</summary>
    public const int ScanFailed = 2;
}
