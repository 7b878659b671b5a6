using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MantisPipeline.Local;

namespace MantisPipeline.Tests.Gates;

/// <summary>How the stand-in release behaves; each test starts one with the faults it needs.</summary>
internal sealed record StandInBehaviour
{
    public string Version { get; init; } = "abc1234";

    public string ReleaseId { get; init; } = "7";

    public bool RedisDown { get; init; }

    public bool HealthBodyIsHtml { get; init; }

    public bool NotesEmpty { get; init; }

    public bool NotesFail { get; init; }

    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>/api/flaky answers 500 to every n-th request.</summary>
    public int FlakyEvery { get; init; } = 5;
}

/// <summary>
/// A Kestrel app on a free 127.0.0.1 port serving the demo app's shapes: health, page and notes,
/// plus a slow and a flaky endpoint for the perf gate.
/// </summary>
internal sealed class StandInRelease : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _flakyCount;

    private StandInRelease(WebApplication app, StandInBehaviour behaviour)
    {
        _app = app;
        Behaviour = behaviour;
    }

    public StandInBehaviour Behaviour { get; }

    public Uri BaseUrl => new(_app.Urls.Single());

    public static async Task<StandInRelease> StartAsync(StandInBehaviour? behaviour = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        var release = new StandInRelease(builder.Build(), behaviour ?? new StandInBehaviour());
        release.MapRoutes();
        await release._app.StartAsync();
        return release;
    }

    /// <summary>A loopback address where nothing listens, so that connections are refused.</summary>
    public static Uri UnusedAddress()
    {
        return new Uri($"http://127.0.0.1:{LoopbackPort.PickFree()}/");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void MapRoutes()
    {
        _app.MapGet("/api/health", () => Results.Json(new { status = "ok", version = Behaviour.Version }));
        _app.MapGet("/api/health/comprehensive", ComprehensiveHealth);
        _app.MapGet("/api/notes", Notes);
        _app.MapGet("/", () => Results.Content(Page(), "text/html; charset=utf-8"));
        _app.MapGet("/api/slow", async () =>
        {
            await Task.Delay(Behaviour.SlowDelay);
            return Results.Json(Array.Empty<object>());
        });
        _app.MapGet("/api/flaky", () => Interlocked.Increment(ref _flakyCount) % Behaviour.FlakyEvery == 0
            ? Results.StatusCode(500)
            : Results.Json(Array.Empty<object>()));
    }

    private IResult ComprehensiveHealth()
    {
        if (Behaviour.HealthBodyIsHtml)
        {
            return Results.Content("<html><body>Bad gateway</body></html>", "text/html");
        }

        const string refused = "It was not possible to connect";
        var redis = Behaviour.RedisDown
            ? (object)new { status = "unhealthy", latencyMs = 2001.0, error = refused }
            : new { status = "healthy", latencyMs = 0.9 };
        var body = new
        {
            status = Behaviour.RedisDown ? "unhealthy" : "healthy",
            version = Behaviour.Version,
            checks = new { database = new { status = "healthy", latencyMs = 1.8 }, redis },
        };
        return Results.Json(body, statusCode: Behaviour.RedisDown ? 503 : 200);
    }

    private IResult Notes()
    {
        if (Behaviour.NotesFail)
        {
            return Results.StatusCode(500);
        }

        object[] notes = Behaviour.NotesEmpty
            ? []
            : [new { id = 1, title = "Ship with a health gate" }, new { id = 2, title = "Keep a rollback" }];
        return Results.Json(notes);
    }

    private string Page() => $$"""
        <!doctype html>
        <html>
        <head><meta charset="utf-8"><title>Mantis Notes</title></head>
        <body>
          <h1>Mantis Notes</h1>
          <ul id="notes"></ul>
          <p id="error" hidden></p>
          <footer id="version">Release {{Behaviour.ReleaseId}} · version {{Behaviour.Version}}</footer>
          <script>
            fetch('/api/notes')
              .then(r => { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
              .then(notes => {
                for (const note of notes) {
                  const li = document.createElement('li');
                  li.textContent = note.title;
                  document.getElementById('notes').appendChild(li);
                }
              })
              .catch(e => {
                const error = document.getElementById('error');
                error.textContent = 'Could not load notes: ' + e.message;
                error.hidden = false;
              });
          </script>
        </body>
        </html>
        """;
}
