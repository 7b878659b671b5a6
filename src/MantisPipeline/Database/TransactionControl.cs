namespace MantisPipeline.Database;

/// <summary>
/// Refuses scripts that begin or end transactions themselves. The runner wraps each script in
/// a transaction with its schema history row; a COMMIT inside would let the part before it stay
/// applied, unrecorded, while a later failure reports the script as rolled back.
/// </summary>
internal static class TransactionControl
{
    public static void Verify(string fileName, string sql)
    {
        foreach (var statement in SqlStatement.Split(sql))
        {
            var words = statement.LeadingWords(3);
            if (EndsOrStartsTransaction(words))
            {
                throw Refusal(fileName, sql, statement, words);
            }
        }
    }

    // Savepoints stay inside the runner's transaction, so ROLLBACK TO and RELEASE are fine.
    private static bool EndsOrStartsTransaction(IReadOnlyList<string> words) => words switch
    {
        ["ROLLBACK", "TO", ..] or ["ROLLBACK", "WORK" or "TRANSACTION", "TO", ..] => false,
        ["BEGIN" or "COMMIT" or "END" or "ROLLBACK" or "ABORT", ..] => true,
        ["START" or "PREPARE", "TRANSACTION", ..] => true,
        _ => false,
    };

    private static PipelineException Refusal(
        string fileName, string sql, SqlStatement statement, IReadOnlyList<string> words)
    {
        var line = 1 + sql.AsSpan(0, statement.CodeOffset).Count('\n');
        var keyword = words[0] is "START" or "PREPARE" ? $"{words[0]} {words[1]}" : words[0];
        return new PipelineException(
            $"The migration {fileName} controls its own transaction: line {line} starts with " +
            $"{keyword}. The runner wraps each script in a transaction of its own, " +
            "together with its schema history row, so that a failing script leaves no trace; " +
            "a BEGIN, COMMIT or ROLLBACK in the script would end that transaction early and " +
            "leave part of the script applied but not recorded. Remove the statement, or, if " +
            "the script must run outside a transaction (CREATE INDEX CONCURRENTLY), make its " +
            $"first line {Migration.NoTransactionMarker}.");
    }
}
