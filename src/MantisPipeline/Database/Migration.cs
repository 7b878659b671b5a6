using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MantisPipeline.Database;

/// <summary>One SQL script of deploy/migrations: its version, checksum and transaction mode.</summary>
public sealed partial record Migration(
    long Version,
    string Name,
    string FileName,
    string Sql,
    string Checksum,
    bool RunsInTransaction)
{
    /// <summary>The first line that makes a script run outside a transaction.</summary>
    public const string NoTransactionMarker = "-- mantis:no-transaction";

    public static Migration Load(string path)
    {
        var fileName = Path.GetFileName(path);
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new PipelineException(
                $"The migration file {fileName} has no version prefix. Name migrations " +
                "<version>_<name>.sql, for example 0004_add_orders.sql, so that their order is clear.");
        }

        var bytes = File.ReadAllBytes(path);
        var sql = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var runsInTransaction = !StartsWithMarker(sql);
        if (runsInTransaction)
        {
            TransactionControl.Verify(fileName, sql);
        }

        return new Migration(
            long.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
            match.Groups["name"].Value,
            fileName,
            sql,
            ChecksumOf(bytes),
            runsInTransaction);
    }

    /// <summary>SHA-256 of the bytes with CRLF and CR read as LF: a Windows checkout matches.</summary>
    public static string ChecksumOf(byte[] bytes)
    {
        var normalised = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != '\r')
            {
                normalised.Add(bytes[i]);
            }
            else if (i + 1 >= bytes.Length || bytes[i + 1] != '\n')
            {
                normalised.Add((byte)'\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(normalised.ToArray()));
    }

    private static bool StartsWithMarker(string sql)
    {
        var firstLine = sql.Split('\n', 2)[0].Trim();
        return firstLine.Equals(NoTransactionMarker, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^(?<version>\d+)_(?<name>.+)\.sql$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();
}
