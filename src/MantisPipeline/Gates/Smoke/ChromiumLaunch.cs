using Microsoft.Playwright;

namespace MantisPipeline.Gates.Smoke;

/// <summary>How the smoke gate starts Chromium: headless, quiet, and unable to leave loopback.</summary>
public static class ChromiumLaunch
{
    /// <summary>
    /// Chromium resolves Google hosts on its own even with background networking off; the
    /// resolver rule makes every name except 127.0.0.1 unresolvable, so no traffic leaves loopback.
    /// </summary>
    public static readonly IReadOnlyList<string> Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ];

    public static BrowserTypeLaunchPersistentContextOptions Options(string executablePath) => new()
    {
        ExecutablePath = executablePath,
        Headless = true,
        Args = Args,
        ServiceWorkers = ServiceWorkerPolicy.Block,
        ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
    };

    public static void EnsureInstalled(string executablePath)
    {
        if (!File.Exists(executablePath))
        {
            throw new PipelineException(
                $"The smoke gate drives Chromium at '{executablePath}', and no file is there. "
                + "Install it (apt-get install chromium) or set SmokeGateOptions.ExecutablePath "
                + "to the Chromium binary on this machine.");
        }
    }

    public static async Task<IPlaywright> StartDriverAsync()
    {
        try
        {
            return await Playwright.CreateAsync();
        }
        catch (PlaywrightException e)
        {
            throw new PipelineException(
                "The smoke gate could not start Playwright's driver. It ships in the "
                + "Microsoft.Playwright package and is copied into a '.playwright' folder next to "
                + "the program when it is built or published; make sure that folder is there, or "
                + "point PLAYWRIGHT_DRIVER_SEARCH_PATH at a folder that holds it.", e);
        }
    }
}
