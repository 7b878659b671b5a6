using MantisPipeline.Database;

namespace MantisPipeline.Tests.Database;

public sealed class TransactionControlTests
{
    [Theory]
    [InlineData("CREATE TABLE a (id int);\nCOMMIT;\nBEGIN;\nSELECT 1;", 2, "COMMIT")]
    [InlineData("BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;", 1, "BEGIN")]
    [InlineData("SELECT 1;\n\n  start   transaction isolation level serializable;", 3,
        "START TRANSACTION")]
    [InlineData("CREATE TABLE a (id int);\n/* done */ end;", 2, "END")]
    [InlineData("SELECT 1;\n-- give up\nROLLBACK WORK;", 3, "ROLLBACK")]
    [InlineData("SELECT 1;\nabort;", 2, "ABORT")]
    [InlineData("SELECT 1;\nPREPARE TRANSACTION 'x';", 2, "PREPARE TRANSACTION")]
    [InlineData("SELECT 1;\nCOMMIT AND CHAIN;", 2, "COMMIT")]
    public void A_script_with_transaction_control_is_refused_naming_file_and_line(
        string sql, int line, string statement)
    {
        using var folder = new MigrationsFolder().With("0003_orders.sql", sql);

        var error = Assert.Throws<PipelineException>(() => MigrationCatalog.Load(folder.Path));

        Assert.StartsWith($"The migration 0003_orders.sql controls its own transaction: line " +
            $"{line} starts with {statement}.", error.Message);
        Assert.Contains("wraps each script in a transaction of its own", error.Message);
        Assert.Contains("-- mantis:no-transaction", error.Message);
    }

    [Theory]
    [InlineData("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$\n" +
        "BEGIN\n  COMMIT;\nEND $$;")]
    [InlineData("DO $body$ BEGIN ROLLBACK; END $body$;")]
    [InlineData("-- BEGIN; COMMIT;\n/* ROLLBACK; END; */\nSELECT 'BEGIN; COMMIT;';")]
    [InlineData("SAVEPOINT s;\nSELECT 1;\nROLLBACK TO SAVEPOINT s;\nROLLBACK WORK TO s;\n" +
        "RELEASE SAVEPOINT s;")]
    [InlineData("SELECT 1 AS \"begin\";\nSELECT 'x' AS commit_note;")]
    [InlineData("-- mantis:no-transaction\nBEGIN;\nSELECT 1;\nCOMMIT;")]
    public void Transaction_words_in_bodies_comments_strings_and_savepoints_are_accepted(string sql)
    {
        using var folder = new MigrationsFolder().With("0003_orders.sql", sql);

        var migrations = MigrationCatalog.Load(folder.Path);

        Assert.Equal("0003_orders.sql", Assert.Single(migrations).FileName);
    }
}
