using MantisPipeline.Database;

namespace MantisPipeline.Tests.Database;

public sealed class SqlStatementTests
{
    [Fact]
    public void Splits_at_semicolons_that_end_statements_and_keeps_their_offsets()
    {
        const string sql = "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);";

        var statements = SqlStatement.Split(sql);

        Assert.Equal(["CREATE TABLE a (id int)", "\nINSERT INTO a VALUES (1)"],
            statements.Select(s => s.Text));
        Assert.Equal([0, 24], statements.Select(s => s.Offset));
    }

    [Fact]
    public void Semicolons_inside_strings_names_comments_and_dollar_bodies_do_not_split()
    {
        const string sql = """
            INSERT INTO t VALUES ('a;b', 'it''s;', E'\';', "odd;name");
            -- a comment; with a semicolon
            /* block; /* nested; */ still; */
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$
            BEGIN RETURN 1; END;
            $body$;
            SELECT $$;$$, $1;
            """;

        var statements = SqlStatement.Split(sql);

        Assert.Equal(3, statements.Count);
        Assert.StartsWith("INSERT", statements[0].Text);
        Assert.EndsWith("$body$", statements[1].Text);
        Assert.EndsWith("SELECT $$;$$, $1", statements[2].Text);
    }

    [Fact]
    public void Pieces_holding_only_comments_and_blanks_are_dropped()
    {
        const string sql = "-- mantis:no-transaction\nSELECT 1;\n-- the end\n;  \n";

        var statements = SqlStatement.Split(sql);

        Assert.Equal(["-- mantis:no-transaction\nSELECT 1"], statements.Select(s => s.Text));
    }
}
