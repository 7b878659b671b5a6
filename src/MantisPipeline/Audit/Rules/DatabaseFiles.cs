using System.Text.RegularExpressions;
using MantisPipeline.Audit.Repository;
using MantisPipeline.Audit.Text;

namespace MantisPipeline.Audit.Rules;

/// <summary>Facts about the app's database that several rules share.</summary>
internal static partial class DatabaseFiles
{
    /// <summary>Code that opens PostgreSQL connections: a pg pool, Npgsql, an ORM and the like.</summary>
    public static bool UsesDatabase(AuditedFile file) =>
        file.Kind is FileKind.Code && DatabaseClient().IsMatch(file.Text);

    /// <summary>The line that creates the pool or client, where a timeout belongs.</summary>
    public static int? ClientLine(AuditedFile file) =>
        file.NumberedLines().Where(l => ClientCreation().IsMatch(l.Text)).Select(l => (int?)l.Number).FirstOrDefault();

    public static bool IsServerlessHost(string host, string query) =>
        host.Contains("-pooler", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".neon.tech", StringComparison.OrdinalIgnoreCase)
        || host.Contains("pooler.supabase.com", StringComparison.OrdinalIgnoreCase)
        || query.Contains("pgbouncer=true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The environment's word first; otherwise any database URL with a pooled host.</summary>
    public static bool IsServerless(AuditInput input)
    {
        if (input.Context.DatabaseIsServerless is { } known)
        {
            return known;
        }

        var urls = input.LiveFiles.Where(f => f.Kind is not FileKind.Docs)
            .SelectMany(f => f.Lines.SelectMany(ServiceUrls.Postgres))
            .Concat(ServiceUrls.Postgres(input.Context.DatabaseUrl ?? ""));
        return urls.Any(u => IsServerlessHost(u.Host, u.Query));
    }

    [GeneratedRegex(
        @"require\(\s*['""](?:pg|postgres|pg-pool|@neondatabase/serverless)['""]\s*\)|" +
        @"from\s+['""](?:pg|postgres|pg-pool|@neondatabase/serverless|@prisma/client|knex|sequelize|" +
        @"drizzle-orm[^'""]*|@vercel/postgres)['""]|\bNpgsql|\bpsycopg|\basyncpg|\bsqlalchemy|\bnew Pool\(")]
    private static partial Regex DatabaseClient();

    [GeneratedRegex(
        @"new (?:pg\.)?(?:Pool|Client)\(|new PrismaClient\(|NpgsqlDataSource|NpgsqlConnectionStringBuilder|" +
        @"\bpostgres\(|create_engine\(|createPool\(|\bknex\(|new Sequelize\(|\bneon\(|drizzle\(")]
    private static partial Regex ClientCreation();
}
