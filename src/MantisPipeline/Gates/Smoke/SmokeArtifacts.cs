using Microsoft.Playwright;

namespace MantisPipeline.Gates.Smoke;

/// <summary>Keeps what the browser showed when a smoke check failed: screenshot and HTML.</summary>
internal static class SmokeArtifacts
{
    public static async Task<IReadOnlyList<string>> SaveAsync(IPage page, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(
            Path.GetFullPath(directory),
            $"smoke-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        var screenshot = stem + ".png";
        var html = stem + ".html";

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        await File.WriteAllTextAsync(html, await page.ContentAsync());
        return [screenshot, html];
    }
}
