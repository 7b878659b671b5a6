using System.Globalization;
using MantisPipeline.Findings;

namespace MantisPipeline.Secrets.Detection;

/// <summary>
/// What to do about a leaked secret depends on where it still is: rotating it is always the
/// first step, then it is removed from the file, purged from history, or its refs deleted.
/// </summary>
internal static class Remediation
{
    public static string Remedy(string ruleRemedy, Presence presence, bool committed)
    {
        var cleanUp = (presence, committed) switch
        {
            (Presence.AtHead, false) => "Then take it out of the change before committing.",
            (Presence.AtHead, true) => "Then remove it from the file (stop tracking the file if it only " +
                "holds settings) and purge it from history.",
            (Presence.Deleted, _) => "It is gone from HEAD but history still holds it: purge it from " +
                "history (git filter-repo) once it is rotated.",
            _ => "It lives only outside HEAD's line (a branch, tag, stash, notes or remote ref): " +
                "delete or rewrite those refs once it is rotated.",
        };
        return $"{ruleRemedy} {cleanUp}";
    }

    /// <summary>One sentence with the redacted evidence and where the secret came in; never the value.</summary>
    public static string Message(
        string evidence, Presence presence, string? commit, string? author, DateTimeOffset? date)
    {
        var status = presence switch
        {
            Presence.AtHead => "still at HEAD",
            Presence.Deleted => "deleted from HEAD, still in history",
            _ => "only in history outside HEAD",
        };

        if (commit is null)
        {
            return $"Secret {evidence}, {status}, not committed yet.";
        }

        var day = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var shortSha = commit[..Math.Min(7, commit.Length)];
        return $"Secret {evidence}, {status}, introduced in {shortSha} by {author} on {day}.";
    }
}
