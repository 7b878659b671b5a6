using System.Text.Encodings.Web;
using DemoApp.Configuration;

namespace DemoApp.Page;

/// <summary>GET /: the page a smoke test opens in a real browser.</summary>
/// <remarks>
/// The notes arrive through an inline script rather than server-side rendering, so a smoke
/// test that sees them has proved that the browser ran JavaScript and that /api/notes works.
/// The list's data-state says when the script has finished: loaded, or failed.
/// </remarks>
internal static class HomePage
{
    public static void MapHomePage(this WebApplication app, AppSettings settings)
    {
        var html = Render(settings.Release, settings.Version);
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
    }

    public static string Render(string release, string version)
    {
        var encoder = HtmlEncoder.Default;
        var footer = $"Release {encoder.Encode(release)} · version {encoder.Encode(version)}";

        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Mantis Notes</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; }
                #error { color: #b00020; }
                footer { margin-top: 2rem; color: #555; font-size: 0.9rem; }
              </style>
            </head>
            <body>
              <h1>Mantis Notes</h1>
              <ul id="notes" data-state="loading"></ul>
              <footer id="version">{{footer}}</footer>
              <script>
                const list = document.getElementById('notes');

                function showNotes(notes) {
                  for (const note of notes) {
                    const item = document.createElement('li');
                    const title = document.createElement('strong');
                    title.textContent = note.title;
                    item.append(title, ' ', note.body);
                    list.append(item);
                  }
                  list.dataset.state = 'loaded';
                }

                function showError(reason) {
                  const error = document.createElement('p');
                  error.id = 'error';
                  error.textContent = 'The notes could not be loaded: ' + reason.message;
                  list.dataset.state = 'failed';
                  list.replaceWith(error);
                }

                fetch('/api/notes', { headers: { Accept: 'application/json' } })
                  .then(response => {
                    if (!response.ok) {
                      throw new Error('HTTP ' + response.status);
                    }
                    return response.json();
                  })
                  .then(showNotes)
                  .catch(showError);
              </script>
            </body>
            </html>
            """;
    }
}
