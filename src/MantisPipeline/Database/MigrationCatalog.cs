namespace MantisPipeline.Database;

/// <summary>The migrations of a folder, in version order.</summary>
public static class MigrationCatalog
{
    public static IReadOnlyList<Migration> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new PipelineException(
                $"The migrations folder {directory} does not exist. Create it (deploy/migrations " +
                "holds one <version>_<name>.sql file per change) or point the pipeline at it.");
        }

        var migrations = Directory.EnumerateFiles(directory, "*.sql")
            .Select(Migration.Load)
            .OrderBy(m => m.Version)
            .ToList();

        var clash = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            var files = string.Join(" and ", clash.Select(m => m.FileName).Order());
            throw new PipelineException(
                $"The migrations {files} share the version {clash.Key}. Give one of them the " +
                "next free version number.");
        }

        return migrations;
    }
}
