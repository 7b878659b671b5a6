namespace MantisPipeline.Gates.Smoke;

/// <summary>Compares what the browser saw with what a user should see, without any I/O.</summary>
public static class SmokeJudge
{
    public const string GateName = "Smoke";

    private const int ListedProblems = 3;

    public static IReadOnlyList<GateCheck> Judge(SmokeObservation seen, SmokeGateOptions expected)
    {
        if (seen.LoadFailure is { } failure)
        {
            return [new GateCheck("page", Verdict.Fail, $"did not load: {failure}")];
        }

        return
        [
            PageCheck(seen.StatusCode),
            TextCheck("title", seen.Title, expected.ExpectedTitle),
            TextCheck("heading", seen.Heading, expected.ExpectedHeading),
            NotesCheck(seen.NoteCount, expected.NotesTimeout),
            ErrorCheck(seen.ErrorText),
            FooterCheck(seen.Footer, expected),
            ListCheck("console", seen.ConsoleErrors, "no console errors", "console errors"),
            ListCheck("requests", seen.FailedRequests, "no failed requests", "failed requests"),
        ];
    }

    public static string Summarize(Verdict verdict, IReadOnlyList<GateCheck> checks)
    {
        if (verdict == Verdict.Pass)
        {
            return "The page shows its title, heading, notes and expected footer, with no errors.";
        }

        var failed = checks.Where(c => c.Verdict != Verdict.Pass).Select(c => $"{c.Name} ({c.Detail})");
        return $"The page is not what a user should see: {string.Join("; ", failed)}.";
    }

    private static GateCheck PageCheck(int? status) => status switch
    {
        >= 200 and < 300 => new GateCheck("page", Verdict.Pass, $"HTTP {status}"),
        null => new GateCheck("page", Verdict.Fail, "no HTTP response for the page"),
        _ => new GateCheck("page", Verdict.Fail, $"HTTP {status}"),
    };

    private static GateCheck TextCheck(string name, string? seen, string expected)
    {
        var text = seen?.Trim();
        return text == expected
            ? new GateCheck(name, Verdict.Pass, $"'{text}'")
            : new GateCheck(name, Verdict.Fail, $"'{text ?? "(missing)"}', expected '{expected}'");
    }

    private static GateCheck NotesCheck(int count, TimeSpan waited)
    {
        return count > 0
            ? new GateCheck("notes", Verdict.Pass, $"{count} rendered in #notes")
            : new GateCheck("notes", Verdict.Fail, $"none rendered in #notes within {Seconds(waited)}");
    }

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s";

    private static GateCheck ErrorCheck(string? errorText) => errorText is null
        ? new GateCheck("error", Verdict.Pass, "no #error shown")
        : new GateCheck("error", Verdict.Fail, $"#error shows '{errorText.Trim()}'");

    private static GateCheck FooterCheck(string? footer, SmokeGateOptions expected)
    {
        var text = footer?.Trim() ?? "";
        var wanted = new List<string>();

        if (expected.ExpectedReleaseId is { } release)
        {
            wanted.Add($"Release {release}");
        }

        if (expected.ExpectedVersion is { } version)
        {
            wanted.Add($"version {version}");
        }

        var missing = wanted.Where(w => !ContainsPhrase(text, w)).ToList();
        if (text.Length > 0 && missing.Count == 0)
        {
            return new GateCheck("footer", Verdict.Pass, $"'{text}'");
        }

        var shown = text.Length > 0 ? text : "(missing)";
        var expectation = wanted.Count > 0 ? $", expected {string.Join(" and ", wanted)}" : "";
        return new GateCheck("footer", Verdict.Fail, $"'{shown}'{expectation}");
    }

    // "version 1a2b" must not accept "version 1a2b3c": the phrase ends at a word boundary.
    private static bool ContainsPhrase(string text, string phrase)
    {
        var at = text.IndexOf(phrase, StringComparison.Ordinal);
        var end = at + phrase.Length;
        return at >= 0 && (end == text.Length || !char.IsLetterOrDigit(text[end]));
    }

    private static GateCheck ListCheck(
        string name, IReadOnlyList<string> problems, string none, string label)
    {
        if (problems.Count == 0)
        {
            return new GateCheck(name, Verdict.Pass, none);
        }

        var listed = string.Join(" | ", problems.Take(ListedProblems));
        var more = problems.Count > ListedProblems ? $" and {problems.Count - ListedProblems} more" : "";
        return new GateCheck(name, Verdict.Fail, $"{problems.Count} {label}: {listed}{more}");
    }
}
