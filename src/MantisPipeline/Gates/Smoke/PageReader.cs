using Microsoft.Playwright;

namespace MantisPipeline.Gates.Smoke;

/// <summary>Loads the release's page and reads what a user would see on it.</summary>
internal sealed class PageReader(IPage page, SmokeGateOptions options)
{
    public async Task<SmokeObservation> ReadAsync(Uri url, PageProblems problems)
    {
        var navigation = new PageGotoOptions
        {
            WaitUntil = WaitUntilState.Load,
            Timeout = (float)options.NavigationTimeout.TotalMilliseconds,
        };

        IResponse? response;
        try
        {
            response = await page.GotoAsync(url.ToString(), navigation);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException && !page.IsClosed)
        {
            return new SmokeObservation { LoadFailure = e.Message.Split('\n', 2)[0].Trim() };
        }

        await WaitForNotesOrErrorAsync();

        return new SmokeObservation
        {
            StatusCode = response?.Status,
            Title = await page.TitleAsync(),
            Heading = await TextOfAsync("h1"),
            NoteCount = await page.Locator("#notes li").CountAsync(),
            ErrorText = await VisibleErrorAsync(),
            Footer = await TextOfAsync("#version"),
            ConsoleErrors = problems.ConsoleErrors,
            FailedRequests = problems.FailedRequests,
        };
    }

    // The notes arrive from a script after the load event; either a note or an error ends the wait.
    private async Task WaitForNotesOrErrorAsync()
    {
        try
        {
            var wait = new PageWaitForSelectorOptions
            {
                State = WaitForSelectorState.Visible,
                Timeout = (float)options.NotesTimeout.TotalMilliseconds,
            };
            await page.WaitForSelectorAsync("#notes li, #error", wait);
        }
        catch (TimeoutException)
        {
            // Nothing rendered in time: the notes check reports it.
        }
    }

    private async Task<string?> TextOfAsync(string selector)
    {
        var element = page.Locator(selector).First;
        return await element.CountAsync() > 0 ? await element.InnerTextAsync() : null;
    }

    private async Task<string?> VisibleErrorAsync()
    {
        var error = page.Locator("#error").First;
        if (await error.CountAsync() == 0 || !await error.IsVisibleAsync())
        {
            return null;
        }

        var text = (await error.InnerTextAsync()).Trim();
        return text.Length > 0 ? text : null;
    }
}
