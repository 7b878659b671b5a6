using MantisPipeline.Releases;
using MantisPipeline.Tests.Fixtures;
using Npgsql;

namespace MantisPipeline.Tests.Database;

public sealed class ReleaseLedgerTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_recorded_release_is_Deploying_with_every_field_kept()
    {
        var ledger = await NewLedgerAsync("staging");
        var draft = Draft("a1b2c3d");

        var release = await ledger.RecordAsync(draft);

        Assert.Equal(ReleaseOutcome.Deploying, release.Outcome);
        Assert.Equal(("staging", "a1b2c3d", "127.0.0.1:5000/demo:a1b2c3d", "sha256:a1b2c3d",
            "a1b2c3d0000", "demo-a1b2c3d", "ci"), (release.Environment, release.Version,
            release.Image, release.ImageId, release.Commit, release.Container, release.StartedBy));
        var now = DateTimeOffset.UtcNow;
        Assert.InRange(release.StartedAt, now.AddMinutes(-1), now.AddMinutes(1));
        Assert.Null(release.FinishedAt);
        Assert.Equal(release, await ledger.FindAsync(release.Id.ToString()));
    }

    [Fact]
    public async Task Promoting_a_release_supersedes_the_live_one_and_it_becomes_the_previous()
    {
        var ledger = await NewLedgerAsync("production");
        var first = await ledger.PromoteAsync((await ledger.RecordAsync(Draft("v1"))).Id);
        var second = await ledger.RecordAsync(Draft("v2"));

        Assert.Equal(first.Id, (await ledger.LiveAsync())?.Id);
        await ledger.PromoteAsync(second.Id);

        Assert.Equal(("v2", ReleaseOutcome.Live), Summary(await ledger.LiveAsync()));
        Assert.Equal(("v1", ReleaseOutcome.Superseded), Summary(await ledger.PreviousAsync()));
        Assert.NotNull((await ledger.LiveAsync())!.FinishedAt);
        Assert.Equal(["v2", "v1"], (await ledger.ListAsync(10)).Select(r => r.Version));
    }

    [Fact]
    public async Task A_rollback_puts_the_previous_release_back_and_marks_the_failed_one()
    {
        var ledger = await NewLedgerAsync("production");
        var good = await ledger.PromoteAsync((await ledger.RecordAsync(Draft("good"))).Id);
        var bad = await ledger.PromoteAsync((await ledger.RecordAsync(Draft("bad"))).Id);

        var (failed, restored) = await ledger.RollBackAsync(
            bad.Id, (await ledger.PreviousAsync())!.Id, "health gate failed: 5 of 5 checks");

        Assert.Equal((ReleaseOutcome.RolledBack, "health gate failed: 5 of 5 checks"),
            (failed.Outcome, failed.Note));
        Assert.Equal((good.Id, ReleaseOutcome.Live), (restored.Id, restored.Outcome));
        Assert.Equal(good.Id, (await ledger.LiveAsync())?.Id);
        Assert.Null(await ledger.PreviousAsync());
    }

    [Fact]
    public async Task A_release_that_failed_before_its_switch_ends_Failed_and_the_live_one_stays()
    {
        var ledger = await NewLedgerAsync("staging");
        var live = await ledger.PromoteAsync((await ledger.RecordAsync(Draft("live"))).Id);
        var broken = await ledger.RecordAsync(Draft("broken"));

        var (failed, restored) = await ledger.RollBackAsync(
            broken.Id, live.Id, "smoke gate failed", ReleaseOutcome.Failed);

        Assert.Equal(ReleaseOutcome.Failed, failed.Outcome);
        Assert.NotNull(failed.FinishedAt);
        Assert.Equal(live with { Outcome = ReleaseOutcome.Live }, restored);
    }

    [Fact]
    public async Task Only_a_release_being_deployed_can_be_promoted_and_only_a_served_one_restored()
    {
        var ledger = await NewLedgerAsync("staging");
        var failed = await ledger.RecordAsync(Draft("v1"));
        await ledger.MarkAsync(failed.Id, ReleaseOutcome.Failed, "tests failed");
        var next = await ledger.RecordAsync(Draft("v2"));

        var promote = await Assert.ThrowsAsync<PipelineException>(() => ledger.PromoteAsync(failed.Id));
        var restore = await Assert.ThrowsAsync<PipelineException>(
            () => ledger.RollBackAsync(next.Id, failed.Id, "gate failed"));

        Assert.Contains($"Release {failed.Id} (v1) in staging is Failed", promote.Message);
        Assert.Contains("a rollback cannot put it back", restore.Message);
        Assert.Equal(ReleaseOutcome.Deploying, (await ledger.FindAsync("v2"))?.Outcome);
        await Assert.ThrowsAsync<PipelineException>(
            () => ledger.MarkAsync(999_999, ReleaseOutcome.Failed, null));
    }

    [Fact]
    public async Task Marking_a_release_Live_also_supersedes_the_live_one()
    {
        var ledger = await NewLedgerAsync("staging");
        var first = await ledger.PromoteAsync((await ledger.RecordAsync(Draft("v1"))).Id);
        var second = await ledger.RecordAsync(Draft("v2"));

        await ledger.MarkAsync(second.Id, ReleaseOutcome.Live, "gates passed");

        Assert.Equal(("v2", ReleaseOutcome.Live), Summary(await ledger.LiveAsync()));
        Assert.Equal("gates passed", (await ledger.LiveAsync())?.Note);
        Assert.Equal(ReleaseOutcome.Superseded, (await ledger.FindAsync(first.Id.ToString()))?.Outcome);
    }

    [Fact]
    public async Task Find_prefers_a_version_over_an_id_and_environments_do_not_mix()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var staging = new ReleaseLedger(connectionString, "staging");
        var production = new ReleaseLedger(connectionString, "production");
        await staging.EnsureCreatedAsync();
        var first = await staging.RecordAsync(Draft("v1"));
        var numeric = await staging.RecordAsync(Draft(first.Id.ToString()));
        await production.RecordAsync(Draft("p1"));

        Assert.Equal(numeric.Id, (await staging.FindAsync(first.Id.ToString()))?.Id);
        Assert.Equal(first.Id, (await staging.FindAsync("v1"))?.Id);
        Assert.Null(await staging.FindAsync("p1"));
        Assert.Null(await staging.FindAsync("nothing"));
        Assert.Equal(["p1"], (await production.ListAsync(10)).Select(r => r.Version));
    }

    [Fact]
    public async Task Concurrent_promotions_and_creations_leave_exactly_one_live_release()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var ledger = new ReleaseLedger(connectionString, "production");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ledger.EnsureCreatedAsync())));
        var drafts = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => ledger.RecordAsync(Draft($"v{i}"))));

        await Task.WhenAll(drafts.Select(d => Task.Run(() => ledger.PromoteAsync(d.Id))));

        var outcomes = (await ledger.ListAsync(10)).Select(r => r.Outcome).ToList();
        Assert.Equal(1, outcomes.Count(o => o == ReleaseOutcome.Live));
        Assert.Equal(5, outcomes.Count(o => o == ReleaseOutcome.Superseded));
    }

    [Fact]
    public async Task Releases_left_Deploying_by_a_killed_run_are_marked_Failed_with_the_note()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var ledger = new ReleaseLedger(connectionString, "staging");
        var preview = new ReleaseLedger(connectionString, "preview");
        await ledger.EnsureCreatedAsync();
        var live = await ledger.PromoteAsync((await ledger.RecordAsync(Draft("v1"))).Id);
        var killed = await ledger.RecordAsync(Draft("v2"));
        var killedAgain = await ledger.RecordAsync(Draft("v3"));
        var elsewhere = await preview.RecordAsync(Draft("p1"));

        var abandoned = await ledger.AbandonInterruptedAsync("interrupted: its run ended", default);

        Assert.Equal([killedAgain.Id, killed.Id], abandoned.Select(r => r.Id));
        Assert.All(abandoned, r => Assert.Equal(
            (ReleaseOutcome.Failed, "interrupted: its run ended"), (r.Outcome, r.Note)));
        Assert.All(abandoned, r => Assert.NotNull(r.FinishedAt));
        Assert.Equal(live.Id, (await ledger.LiveAsync())?.Id);
        Assert.Equal(ReleaseOutcome.Deploying, (await preview.FindAsync("p1"))?.Outcome);
        Assert.Equal(elsewhere.Id, (await preview.FindAsync("p1"))?.Id);
        Assert.Empty(await ledger.AbandonInterruptedAsync("again", default));
    }

    [Fact]
    public async Task A_deploy_user_that_does_not_own_the_ledger_can_use_it()
    {
        var ownerConnection = await postgres.CreateDatabaseAsync();
        var owner = new ReleaseLedger(ownerConnection, "production");
        await owner.EnsureCreatedAsync();
        var deployConnection = await DatabaseRole.CreateAsync(
            ownerConnection, "GRANT SELECT, INSERT, UPDATE ON mantis_releases TO {0}");
        var ledger = new ReleaseLedger(deployConnection, "production");

        await ledger.EnsureCreatedAsync();
        var release = await ledger.RecordAsync(Draft("v1"));
        await ledger.PromoteAsync(release.Id);
        await ledger.RecordAsync(Draft("v2"));
        var abandoned = await ledger.AbandonInterruptedAsync("interrupted", default);

        Assert.Equal(("v1", ReleaseOutcome.Live), Summary(await owner.LiveAsync()));
        Assert.Equal(["v2"], abandoned.Select(r => r.Version));
    }

    [Fact]
    public async Task A_missing_index_is_created_by_the_owner_and_named_to_a_deploy_user()
    {
        var ownerConnection = await postgres.CreateDatabaseAsync();
        var owner = new ReleaseLedger(ownerConnection, "production");
        await owner.EnsureCreatedAsync();
        var deployConnection = await DatabaseRole.CreateAsync(
            ownerConnection, "GRANT SELECT, INSERT, UPDATE ON mantis_releases TO {0}");
        await ExecuteAsync(ownerConnection, "DROP INDEX mantis_releases_newest");

        var refused = await Assert.ThrowsAsync<PipelineException>(
            () => new ReleaseLedger(deployConnection, "production").EnsureCreatedAsync());
        await owner.EnsureCreatedAsync();

        Assert.Contains("The release ledger lacks mantis_releases_newest", refused.Message);
        Assert.Contains("must be owner of table mantis_releases (SQLSTATE 42501)", refused.Message);
        Assert.Contains("CREATE INDEX IF NOT EXISTS mantis_releases_newest", refused.Message);
        Assert.Equal(1L, await ScalarAsync(ownerConnection,
            "SELECT count(*) FROM pg_indexes WHERE indexname = 'mantis_releases_newest'"));
    }

    private async Task<ReleaseLedger> NewLedgerAsync(string environment)
    {
        var ledger = new ReleaseLedger(await postgres.CreateDatabaseAsync(), environment);
        await ledger.EnsureCreatedAsync();
        await ledger.EnsureCreatedAsync();
        return ledger;
    }

    private static ReleaseDraft Draft(string version) => new(
        version, $"127.0.0.1:5000/demo:{version}", $"sha256:{version}", $"{version}0000",
        $"demo-{version}", "ci");

    private static (string?, ReleaseOutcome?) Summary(Release? release) =>
        (release?.Version, release?.Outcome);

    private static async Task ExecuteAsync(string connectionString, string sql) =>
        await ScalarAsync(connectionString, sql);

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
