namespace MantisPipeline.Local;

/// <summary>Finds the PostgreSQL 15 server tools (initdb, pg_ctl).</summary>
internal static class PostgresBinaries
{
    private const string Debian15 = "/usr/lib/postgresql/15/bin";

    public static async Task<string> FindAsync(CancellationToken ct)
    {
        // Debian's pg_config reports the newest installed version, so the pinned 15 folder
        // comes first and pg_config serves other layouts.
        if (File.Exists(Path.Combine(Debian15, "initdb")))
        {
            return Debian15;
        }

        var bindir = await AskPgConfigAsync(ct);
        if (bindir is not null && File.Exists(Path.Combine(bindir, "initdb")))
        {
            return bindir;
        }

        throw new PipelineException(
            $"PostgreSQL 15 server tools (initdb, pg_ctl) were not found in {Debian15} nor in " +
            "the folder pg_config --bindir names. Install them (Debian: apt-get install " +
            "postgresql-15) to run the local environment's database.");
    }

    private static async Task<string?> AskPgConfigAsync(CancellationToken ct)
    {
        try
        {
            var result = await ServiceCommand.RunAsync("pg_config", ["--bindir"], ct);
            return result.ExitCode == 0 ? result.Output : null;
        }
        catch (PipelineException)
        {
            return null;
        }
    }
}
