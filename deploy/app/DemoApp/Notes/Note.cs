namespace DemoApp.Notes;

/// <summary>One row of the notes table.</summary>
internal sealed record Note(long Id, string Title, string Body, DateTimeOffset CreatedAt);
