using Npgsql;

namespace DemoApp.Notes;

/// <summary>GET /api/notes: the newest notes, read straight from the notes table.</summary>
internal static class NoteEndpoints
{
    private const string NewestNotes = """
        SELECT id, title, body, created_at
        FROM notes
        ORDER BY created_at DESC, id DESC
        LIMIT 100
        """;

    public static void MapNoteEndpoints(this WebApplication app)
    {
        app.MapGet("/api/notes", ListAsync);
    }

    private static async Task<IResult> ListAsync(
        NpgsqlDataSource dataSource,
        SecretScrubber scrubber,
        ILogger<Note> logger,
        CancellationToken cancellationToken)
    {
        try
        {
            return Results.Json(await ReadAsync(dataSource, cancellationToken), AppJson.Options);
        }
        catch (NpgsqlException exception)
        {
            // The response says only that the database failed; the cause goes to the log.
            logger.LogError("Reading the notes failed: {Reason}", scrubber.Scrub(exception.Message));
            return Results.Problem(
                title: "The notes database is unavailable.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<List<Note>> ReadAsync(
        NpgsqlDataSource dataSource,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(NewestNotes);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var notes = new List<Note>();
        while (await reader.ReadAsync(cancellationToken))
        {
            notes.Add(new Note(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return notes;
    }
}
