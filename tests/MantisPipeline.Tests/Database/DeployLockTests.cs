using MantisPipeline.Releases;
using MantisPipeline.Tests.Fixtures;

namespace MantisPipeline.Tests.Database;

public sealed class DeployLockTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_second_deploy_of_the_same_environment_is_refused_naming_the_holder()
    {
        await using var first = await DeployLock.AcquireAsync(
            postgres.ConnectionString, "staging", "alice@ci pid 41", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<PipelineException>(() => DeployLock.AcquireAsync(
            postgres.ConnectionString, "staging", "bob@laptop pid 7", CancellationToken.None));

        Assert.Contains("Another deploy or rollback of staging is running", refused.Message);
        Assert.Contains("held by alice@ci pid 41", refused.Message);
    }

    [Fact]
    public async Task Environments_have_their_own_locks_and_a_released_lock_can_be_taken_again()
    {
        var production = await DeployLock.AcquireAsync(
            postgres.ConnectionString, "production", "alice", CancellationToken.None);
        await using (await DeployLock.AcquireAsync(
            postgres.ConnectionString, "preview", "bob", CancellationToken.None))
        {
        }

        await production.DisposeAsync();
        await using var again = await DeployLock.AcquireAsync(
            postgres.ConnectionString, "production", "carol", CancellationToken.None);
    }
}
