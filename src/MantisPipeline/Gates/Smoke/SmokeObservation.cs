namespace MantisPipeline.Gates.Smoke;

/// <summary>What a user would have seen on the release's page, as the browser recorded it.</summary>
public sealed record SmokeObservation
{
    /// <summary>Why the page did not load at all; null when it did.</summary>
    public string? LoadFailure { get; init; }

    public int? StatusCode { get; init; }

    public string Title { get; init; } = "";

    public string? Heading { get; init; }

    public int NoteCount { get; init; }

    /// <summary>The text of a visible #error element; null when none is shown.</summary>
    public string? ErrorText { get; init; }

    public string? Footer { get; init; }

    public IReadOnlyList<string> ConsoleErrors { get; init; } = [];

    public IReadOnlyList<string> FailedRequests { get; init; } = [];
}
