using Npgsql;

namespace MantisPipeline.Database;

/// <summary>Turns a PostgreSQL error in a migration into a message naming file, place and fix.</summary>
internal sealed class MigrationFailure(
    Migration migration, IReadOnlyList<AppliedMigration> before, MigrationOptions options)
{
    public Migration Migration => migration;

    public PipelineException Describe(PostgresException error, SqlStatement? statement)
    {
        var outcome = migration.RunsInTransaction
            ? "failed and was rolled back"
            : "failed outside a transaction, so its statements before the failing one stay " +
              "applied and it is not recorded as applied";

        return new PipelineException(
            $"Migration {migration.FileName} {outcome}: {error.MessageText} (SQLSTATE " +
            $"{error.SqlState}){Place(error, statement)}.{Hint(error)}{Earlier()} Fix the " +
            "script and run the migrations again.", error);
    }

    private string Hint(PostgresException error) => error.SqlState switch
    {
        PostgresErrorCodes.QueryCanceled =>
            " A statement ran longer than the statement timeout " +
            $"({options.StatementTimeout.TotalSeconds:0.###} s): make it cheaper, split it, " +
            "or raise the timeout.",
        PostgresErrorCodes.LockNotAvailable =>
            " A statement waited longer than the lock timeout " +
            $"({options.LockTimeout.TotalSeconds:0.###} s) for a lock another session holds: " +
            "run it when the table is quieter or raise the timeout.",
        _ => "",
    };

    private string Earlier() => before.Count == 0
        ? ""
        : " The migrations applied before it in this run stay applied " +
          $"({string.Join(", ", before.Select(m => m.FileName))}).";

    /// <summary>" at line L, column C" of the file: the statement's offset plus the error's position.</summary>
    private string Place(PostgresException error, SqlStatement? statement)
    {
        if (statement is null)
        {
            return "";
        }

        var offset = statement.Offset + Math.Max(0, error.Position - 1);
        var sql = migration.Sql;
        var line = 1 + sql.AsSpan(0, offset).Count('\n');
        var lineStart = offset == 0 ? 0 : sql.LastIndexOf('\n', offset - 1) + 1;
        return error.Position > 0
            ? $" at line {line}, column {offset - lineStart + 1}"
            : $" in the statement starting on line {line + LeadingLineBreaks(statement.Text)}";
    }

    private static int LeadingLineBreaks(string text) =>
        text[..(text.Length - text.TrimStart().Length)].Count(c => c == '\n');
}
