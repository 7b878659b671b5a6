using MantisPipeline.Engine.Logging;

namespace MantisPipeline.Database;

/// <summary>Compares the migrations folder with the schema history before anything runs.</summary>
internal static class MigrationHistoryCheck
{
    public static void Verify(
        IReadOnlyList<Migration> migrations, IReadOnlyDictionary<long, HistoryEntry> history)
    {
        foreach (var migration in migrations)
        {
            if (history.TryGetValue(migration.Version, out var entry) &&
                entry.Checksum != migration.Checksum)
            {
                throw ChangedAfterApplying(migration, entry);
            }
        }

        WarnAboutMissingFiles(migrations, history);
        RefuseOlderThanApplied(migrations, history);
    }

    private static PipelineException ChangedAfterApplying(Migration migration, HistoryEntry entry) => new(
        $"The migration {migration.FileName} changed after it was applied on " +
        $"{entry.AppliedAt:yyyy-MM-dd HH:mm} UTC (checksum {entry.Checksum[..12]} then, " +
        $"{migration.Checksum[..12]} now). An applied migration must stay as it ran: restore the " +
        "file (git checkout) and put the change in a new migration with a higher version.");

    private static void WarnAboutMissingFiles(
        IReadOnlyList<Migration> migrations, IReadOnlyDictionary<long, HistoryEntry> history)
    {
        var versions = migrations.Select(m => m.Version).ToHashSet();
        foreach (var entry in history.Values.Where(e => !versions.Contains(e.Version)))
        {
            Log.Warning(
                $"The migration {entry.Version} ({entry.Name}) was applied on " +
                $"{entry.AppliedAt:yyyy-MM-dd} but its file is no longer in the migrations folder");
        }
    }

    // A pending script older than an applied one was written against a schema that has
    // moved on; applying it out of order could silently undo or clash with later changes.
    private static void RefuseOlderThanApplied(
        IReadOnlyList<Migration> migrations, IReadOnlyDictionary<long, HistoryEntry> history)
    {
        if (history.Count == 0)
        {
            return;
        }

        var newest = history.Values.MaxBy(e => e.Version)!;
        var late = migrations.FirstOrDefault(
            m => !history.ContainsKey(m.Version) && m.Version < newest.Version);
        if (late is not null)
        {
            throw new PipelineException(
                $"The migration {late.FileName} is not applied yet, but the newer migration " +
                $"{newest.Version} ({newest.Name}) already is. Rename it with a version above " +
                $"{newest.Version} so that it runs after the migrations already applied.");
        }
    }
}
