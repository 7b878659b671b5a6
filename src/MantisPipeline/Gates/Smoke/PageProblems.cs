using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace MantisPipeline.Gates.Smoke;

/// <summary>Records the console errors, script errors and failed requests of one page.</summary>
internal sealed class PageProblems
{
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _failedRequests = new();

    public PageProblems(IPage page)
    {
        page.Console += (_, message) => OnConsole(message);
        page.PageError += (_, error) => _consoleErrors.Enqueue($"uncaught: {error}");
        page.RequestFailed += (_, request) => OnFailed(request.Url, request.Failure ?? "failed");
        page.Response += (_, response) => OnResponse(response);
    }

    public IReadOnlyList<string> ConsoleErrors => _consoleErrors.ToList();

    public IReadOnlyList<string> FailedRequests => _failedRequests.ToList();

    private void OnConsole(IConsoleMessage message)
    {
        // Chromium also logs each failed load here without its address; the request events
        // carry the address, so these lines are left to them and the favicon can be told apart.
        var failedLoad = message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal);
        if (message.Type == "error" && !failedLoad)
        {
            _consoleErrors.Enqueue(message.Text);
        }
    }

    private void OnResponse(IResponse response)
    {
        if (response.Status >= 400)
        {
            OnFailed(response.Url, $"HTTP {response.Status}");
        }
    }

    private void OnFailed(string url, string reason)
    {
        if (!IsFavicon(url))
        {
            _failedRequests.Enqueue($"{reason} {url}");
        }
    }

    // Chromium asks for a favicon on its own; a page without one is not broken for its users.
    private static bool IsFavicon(string url) =>
        new Uri(url).AbsolutePath.Equals("/favicon.ico", StringComparison.OrdinalIgnoreCase);
}
