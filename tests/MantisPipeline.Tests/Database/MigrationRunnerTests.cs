using System.Diagnostics;
using MantisPipeline.Database;
using MantisPipeline.Local;
using MantisPipeline.Tests.Fixtures;
using Npgsql;

namespace MantisPipeline.Tests.Database;

public sealed class MigrationRunnerTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Applies_migrations_in_numeric_version_order_and_records_each_in_the_history()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var folder = new MigrationsFolder()
            .With("10_add_email.sql", "ALTER TABLE users ADD COLUMN email text;")
            .With("9_seed.sql", "INSERT INTO users (name) VALUES ('ada');")
            .With("1_create_users.sql", "CREATE TABLE users (id serial PRIMARY KEY, name text);");

        var report = await new MigrationRunner(database).RunAsync(folder.Path, default);

        Assert.Equal(["1_create_users.sql", "9_seed.sql", "10_add_email.sql"],
            report.Applied.Select(m => m.FileName));
        var history = await QueryAsync(database,
            "SELECT version || ' ' || name || ' ' || checksum || ' ' || applied_by " +
            "FROM mantis_schema_history ORDER BY applied_at, version");
        var checksum = Migration.Load(Path.Combine(folder.Path, "9_seed.sql")).Checksum;
        Assert.Equal(3, history.Count);
        Assert.Equal($"9 seed {checksum} {Environment.UserName}", history[1]);
    }

    [Fact]
    public async Task A_second_run_applies_nothing()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var folder = new MigrationsFolder()
            .With("0001_a.sql", "CREATE TABLE a (id int);")
            .With("0002_b.sql", "INSERT INTO a VALUES (1);");
        await new MigrationRunner(database).RunAsync(folder.Path, default);

        var again = await new MigrationRunner(database).RunAsync(folder.Path, default);

        Assert.True(again.UpToDate);
        Assert.Equal(2, again.Skipped.Count);
        Assert.Equal(["1"], await QueryAsync(database, "SELECT count(*)::text FROM a"));
    }

    [Fact]
    public async Task An_applied_migration_whose_file_changed_is_refused_but_line_endings_do_not_count()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var folder = new MigrationsFolder()
            .With("0001_a.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
        await new MigrationRunner(database).RunAsync(folder.Path, default);

        folder.With("0001_a.sql", "CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n");
        Assert.True((await new MigrationRunner(database).RunAsync(folder.Path, default)).UpToDate);

        folder.With("0001_a.sql", "CREATE TABLE a (id bigint);\nCREATE TABLE b (id int);\n");
        var error = await Assert.ThrowsAsync<PipelineException>(
            () => new MigrationRunner(database).RunAsync(folder.Path, default));
        Assert.Contains("The migration 0001_a.sql changed after it was applied", error.Message);
        Assert.Contains("new migration", error.Message);
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace_and_the_earlier_ones_stay()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var folder = new MigrationsFolder()
            .With("0001_users.sql", "CREATE TABLE users (id int);")
            .With("0002_broken.sql", "CREATE TABLE orders (id int);\n\nSELECT id\n  FROM nowhere;\n")
            .With("0003_never.sql", "CREATE TABLE never (id int);");

        var error = await Assert.ThrowsAsync<PipelineException>(
            () => new MigrationRunner(database).RunAsync(folder.Path, default));

        Assert.Contains("Migration 0002_broken.sql failed and was rolled back: relation " +
            "\"nowhere\" does not exist (SQLSTATE 42P01) at line 4, column 8.", error.Message);
        Assert.Contains("(0001_users.sql)", error.Message);
        Assert.Equal(["users", "", ""], await QueryAsync(database,
            "SELECT coalesce(to_regclass(t)::text, '') FROM unnest(ARRAY['users', 'orders', 'never']) t"));
        Assert.Equal(["1"], await QueryAsync(database,
            "SELECT string_agg(version::text, ',') FROM mantis_schema_history"));
    }

    [Fact]
    public async Task Two_concurrent_runs_take_turns_and_apply_each_migration_once()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var folder = new MigrationsFolder()
            .With("0001_slow.sql", "CREATE TABLE runs (id int); SELECT pg_sleep(0.5);")
            .With("0002_count.sql", "INSERT INTO runs VALUES (1);");

        var reports = await Task.WhenAll(
            Task.Run(() => new MigrationRunner(database).RunAsync(folder.Path, default)),
            Task.Run(() => new MigrationRunner(database).RunAsync(folder.Path, default)));

        var (worker, waiter) = reports[0].UpToDate ? (reports[1], reports[0]) : (reports[0], reports[1]);
        Assert.Equal(2, worker.Applied.Count);
        Assert.True(waiter.UpToDate);
        Assert.True(waiter.LockWait > TimeSpan.FromMilliseconds(300), $"waited {waiter.LockWait}");
        Assert.Equal(["1"], await QueryAsync(database, "SELECT count(*)::text FROM runs"));
        Assert.Equal(["2"], await QueryAsync(database, "SELECT count(*)::text FROM mantis_schema_history"));
    }

    [Fact]
    public async Task A_run_that_cannot_get_the_lock_in_time_names_the_session_holding_it()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var folder = new MigrationsFolder().With("0001_a.sql", "CREATE TABLE a (id int);");
        var holderConnection = new NpgsqlConnectionStringBuilder(database)
        {
            ApplicationName = "someone-else",
            Pooling = false,
        };
        await using var holder = new NpgsqlConnection(holderConnection.ConnectionString);
        await holder.OpenAsync();
        await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(1835101812)", holder);
        await take.ExecuteScalarAsync();

        var options = new MigrationOptions { RunLockWait = TimeSpan.FromMilliseconds(300) };
        var error = await Assert.ThrowsAsync<PipelineException>(
            () => new MigrationRunner(database, options).RunAsync(folder.Path, default));

        Assert.Contains($"Another migration run (pid {holder.ProcessID}, application_name " +
            "'someone-else'", error.Message);
        Assert.Contains("applied nothing", error.Message);
        Assert.Empty(await QueryAsync(database, "SELECT 1 WHERE to_regclass('a') IS NOT NULL"));
    }

    [Fact]
    public async Task Migrations_run_with_the_configured_timeouts_and_under_the_lock()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var folder = new MigrationsFolder().With("0001_settings.sql", """
            CREATE TABLE seen AS SELECT
                current_setting('statement_timeout') || ' ' || current_setting('lock_timeout')
                || ' ' || current_setting('application_name') || ' ' ||
                (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'
                    AND pid = pg_backend_pid()) AS settings;
            """);
        var options = new MigrationOptions
        {
            StatementTimeout = TimeSpan.FromSeconds(45),
            LockTimeout = TimeSpan.FromSeconds(3),
        };

        await new MigrationRunner(database, options).RunAsync(folder.Path, default);

        Assert.Equal(["45s 3s mantis-migrate 1"], await QueryAsync(database, "SELECT settings FROM seen"));
    }

    [Fact]
    public async Task A_statement_longer_than_the_statement_timeout_fails_its_migration()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var folder = new MigrationsFolder().With("0001_slow.sql", "SELECT pg_sleep(5);");
        var options = new MigrationOptions { StatementTimeout = TimeSpan.FromMilliseconds(200) };

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<PipelineException>(
            () => new MigrationRunner(database, options).RunAsync(folder.Path, default));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3));
        Assert.Contains("Migration 0001_slow.sql failed and was rolled back", error.Message);
        Assert.Contains("statement timeout (0.2 s)", error.Message);
    }

    [Fact]
    public async Task A_script_marked_no_transaction_can_create_an_index_concurrently()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var folder = new MigrationsFolder()
            .With("0001_users.sql", "CREATE TABLE users (id int, email text);")
            .With("0002_index.sql", "-- mantis:no-transaction\n" +
                "CREATE INDEX CONCURRENTLY users_email ON users (email);\n" +
                "CREATE INDEX CONCURRENTLY users_id ON users (id);\n");

        var report = await new MigrationRunner(database).RunAsync(folder.Path, default);

        Assert.Equal([true, false], report.Applied.Select(m => m.RanInTransaction));
        Assert.Equal(["users_email", "users_id"], await QueryAsync(database,
            "SELECT indexname FROM pg_indexes WHERE tablename = 'users' ORDER BY 1"));
    }

    [Fact]
    public async Task A_script_that_commits_by_itself_is_refused_before_any_migration_runs()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var folder = new MigrationsFolder()
            .With("0001_users.sql", "CREATE TABLE users (id int);")
            .With("0002_orders.sql",
                "CREATE TABLE orders (id int);\n  COMMIT;\nBEGIN;\nSELECT 1 / 0;\n");

        var error = await Assert.ThrowsAsync<PipelineException>(
            () => new MigrationRunner(database).RunAsync(folder.Path, default));

        Assert.StartsWith("The migration 0002_orders.sql controls its own transaction: line 2 " +
            "starts with COMMIT.", error.Message);
        Assert.Equal(["", "", ""], await QueryAsync(database,
            "SELECT coalesce(to_regclass(t)::text, '') " +
            "FROM unnest(ARRAY['users', 'orders', 'mantis_schema_history']) t"));
    }

    [Fact]
    public async Task Transaction_words_in_a_function_body_comments_and_savepoints_run_atomically()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var folder = new MigrationsFolder().With("0001_batch.sql", """
            -- BEGIN; and COMMIT; in a comment do not count
            CREATE PROCEDURE batch() LANGUAGE plpgsql AS $$
            BEGIN
                COMMIT;
            END $$;
            SAVEPOINT before_draft;
            CREATE TABLE draft (id int);
            ROLLBACK TO SAVEPOINT before_draft;
            CREATE TABLE kept (note text DEFAULT 'BEGIN; COMMIT;');
            RELEASE SAVEPOINT before_draft;
            """);

        var report = await new MigrationRunner(database).RunAsync(folder.Path, default);

        Assert.Equal([true], report.Applied.Select(m => m.RanInTransaction));
        Assert.Equal(["", "kept"], await QueryAsync(database,
            "SELECT coalesce(to_regclass(t)::text, '') FROM unnest(ARRAY['draft', 'kept']) t"));
        Assert.Equal(["1"], await QueryAsync(database,
            "SELECT string_agg(version::text, ',') FROM mantis_schema_history"));
    }

    [Fact]
    public async Task A_user_that_may_only_write_the_tables_can_apply_a_data_migration()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var folder = new MigrationsFolder()
            .With("0001_users.sql", "CREATE TABLE users (name text);");
        await new MigrationRunner(database).RunAsync(folder.Path, default);
        var writer = await DatabaseRole.CreateAsync(
            database, "GRANT SELECT, INSERT ON users, mantis_schema_history TO {0}");

        folder.With("0002_seed.sql", "INSERT INTO users VALUES ('ada');");
        var report = await new MigrationRunner(writer).RunAsync(folder.Path, default);

        Assert.Equal(["0002_seed.sql"], report.Applied.Select(m => m.FileName));
        Assert.Equal(["ada"], await QueryAsync(database, "SELECT name FROM users"));
    }

    [Fact]
    public async Task A_pending_migration_older_than_an_applied_one_is_refused()
    {
        var database = await postgres.CreateDatabaseAsync();
        using var folder = new MigrationsFolder().With("0002_b.sql", "CREATE TABLE b (id int);");
        await new MigrationRunner(database).RunAsync(folder.Path, default);

        folder.With("0001_a.sql", "CREATE TABLE a (id int);");
        var error = await Assert.ThrowsAsync<PipelineException>(
            () => new MigrationRunner(database).RunAsync(folder.Path, default));

        Assert.Contains("The migration 0001_a.sql is not applied yet", error.Message);
    }

    [Fact]
    public async Task A_file_without_a_version_prefix_is_named_in_the_error()
    {
        using var folder = new MigrationsFolder()
            .With("0001_a.sql", "SELECT 1;")
            .With("add_orders.sql", "SELECT 1;");

        var error = await Assert.ThrowsAsync<PipelineException>(
            () => new MigrationRunner(postgres.ConnectionString).RunAsync(folder.Path, default));

        Assert.Contains("The migration file add_orders.sql has no version prefix", error.Message);
    }

    [Fact]
    public async Task An_unreachable_database_is_named_without_its_password()
    {
        using var folder = new MigrationsFolder().With("0001_a.sql", "SELECT 1;");
        var port = LoopbackPort.PickFree();
        var password = Guid.NewGuid().ToString("N");
        var url = $"postgres://mantis:{password}@127.0.0.1:{port}/app?sslmode=disable";

        var error = await Assert.ThrowsAsync<PipelineException>(() =>
            new MigrationRunner(PostgresUrl.ToConnectionString(url)).RunAsync(folder.Path, default));

        Assert.StartsWith($"Cannot reach PostgreSQL at postgres://mantis:****@127.0.0.1:{port}/app " +
            $"(127.0.0.1:{port})", error.Message);
        Assert.DoesNotContain(password, error.Message);
    }

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
