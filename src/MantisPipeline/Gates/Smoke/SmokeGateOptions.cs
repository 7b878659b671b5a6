namespace MantisPipeline.Gates.Smoke;

public sealed record SmokeGateOptions
{
    /// <summary>Debian's Chromium; Playwright drives it as is, so no browser is downloaded.</summary>
    public string ExecutablePath { get; init; } = "/usr/bin/chromium";

    public string Path { get; init; } = "/";

    public string ExpectedTitle { get; init; } = "Mantis Notes";

    public string ExpectedHeading { get; init; } = "Mantis Notes";

    /// <summary>When set, the footer must read "version {ExpectedVersion}".</summary>
    public string? ExpectedVersion { get; init; }

    /// <summary>When set, the footer must read "Release {ExpectedReleaseId}".</summary>
    public string? ExpectedReleaseId { get; init; }

    /// <summary>Where a failed check leaves its screenshot and page HTML.</summary>
    public string ArtifactsDirectory { get; init; } =
        System.IO.Path.Combine(Environment.CurrentDirectory, "artifacts", "smoke");

    public TimeSpan NavigationTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the page's script has to render at least one note.</summary>
    public TimeSpan NotesTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public bool AllowRemoteHost { get; init; }
}
