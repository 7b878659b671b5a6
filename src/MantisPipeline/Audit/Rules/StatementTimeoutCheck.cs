using System.Text.RegularExpressions;
using MantisPipeline.Audit.Repository;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Rules;

/// <summary>Reports an app that talks to Postgres and bounds neither statements nor idle transactions.</summary>
internal sealed partial class StatementTimeoutCheck : IAuditCheck
{
    public IEnumerable<Finding> Check(AuditInput input)
    {
        var databaseFiles = input.LiveFiles.Where(DatabaseFiles.UsesDatabase).ToList();
        if (databaseFiles.Count == 0 || SetsTimeout(input))
        {
            yield break;
        }

        var (file, line) = databaseFiles
            .Select(f => (File: f, Line: DatabaseFiles.ClientLine(f)))
            .OrderBy(p => p.Line is null)
            .Select(p => (p.File, p.Line ?? 1))
            .First();

        var message = "The app's database configuration sets neither statement_timeout nor " +
            "idle_in_transaction_session_timeout, so one slow query or forgotten transaction " +
            "holds a connection forever.";
        yield return AuditRules.StatementTimeout.At(
            file, line, message, file.Lines[line - 1].Trim(), "database-configuration");
    }

    private static bool SetsTimeout(AuditInput input)
    {
        var configured = input.LiveFiles
            .Where(f => f.Kind is not (FileKind.Docs or FileKind.Sql or FileKind.Other))
            .Any(f => Timeout().IsMatch(f.Text));
        return configured || Timeout().IsMatch(Uri.UnescapeDataString(input.Context.DatabaseUrl ?? ""));
    }

    [GeneratedRegex(
        @"statement_timeout|statementTimeout|STATEMENT_TIMEOUT|idle_in_transaction_session_timeout|" +
        @"idleInTransactionSessionTimeout|IDLE_IN_TRANSACTION_SESSION_TIMEOUT")]
    private static partial Regex Timeout();
}
