using System.Globalization;
using System.Text.RegularExpressions;
using MantisPipeline.Audit.Repository;
using MantisPipeline.Audit.Text;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Rules;

/// <summary>Judges pool sizes and timeouts against the limits of the database in use.</summary>
internal sealed partial class PoolLimitsCheck : IAuditCheck
{
    private enum Dimension
    {
        Minimum,
        Maximum,
        Idle,
        Connect,
    }

    private static readonly HashSet<string> MinimumKeys =
        ["min", "minpoolsize", "minimumpoolsize", "minconnections", "poolmin", "minsize", "poolminsize"];

    private static readonly HashSet<string> MaximumKeys =
    [
        "max", "maxpoolsize", "maximumpoolsize", "maxconnections", "poolmax", "poolsize",
        "connectionlimit", "maxsize", "poolmaxsize",
    ];

    public IEnumerable<Finding> Check(AuditInput input)
    {
        var serverless = DatabaseFiles.IsServerless(input);
        var limits = serverless ? input.Options.ServerlessPool : input.Options.ClassicPool;
        var kind = serverless ? "serverless Postgres" : "a classic Postgres server";

        foreach (var setting in input.Settings.Where(s => s.File.Kind is not (FileKind.Docs or FileKind.Sql)))
        {
            if (Classify(setting) is not { } dimension || Number(setting.Value) is not { } raw)
            {
                continue;
            }

            var value = dimension is Dimension.Idle or Dimension.Connect ? Seconds(setting, raw) : raw;
            if (Problem(dimension, value, limits) is { } problem)
            {
                var message = $"{setting.Key} = {Format(value, dimension)} {problem} for {kind}.";
                yield return AuditRules.PoolLimits.At(
                    setting.File, setting.Line, message, setting.Evidence, $"{setting.Key}:{dimension}");
            }
        }

        foreach (var finding in ContextUrlQuery(input, limits, kind))
        {
            yield return finding;
        }
    }

    private static IEnumerable<Finding> ContextUrlQuery(AuditInput input, PoolLimits limits, string kind)
    {
        if (ServiceUrls.Parse(input.Context.DatabaseUrl) is not { } url
            || url.QueryValue("connection_limit") is not { } text || Number(text) is not { } max
            || Problem(Dimension.Maximum, max, limits) is not { } problem)
        {
            yield break;
        }

        var message = $"connection_limit = {max} in the environment's database URL {problem} for {kind}.";
        yield return AuditRules.PoolLimits.At(input.EnvironmentFile, 1, message, "connection_limit", "url:max");
    }

    private static Dimension? Classify(Setting setting)
    {
        var key = setting.NormalizedKey;
        var file = setting.File;
        if (key.Contains("redis") || key.Contains("http") || key.Contains("request"))
        {
            return null;
        }

        var inConnectionString = IsConnectionStringLine(file.Lines[setting.Line - 1]);
        var databaseCode = DatabaseFiles.UsesDatabase(file);
        var scoped = databaseCode || inConnectionString || key.Contains("pool")
            || key.StartsWith("db", StringComparison.Ordinal) || key.StartsWith("pg", StringComparison.Ordinal)
            || key.Contains("database") || key.Contains("postgres");

        if (!scoped || (file.Kind is FileKind.Code && !databaseCode && !inConnectionString))
        {
            return null;
        }

        return key switch
        {
            _ when key.Contains("idleintransaction") || key.Contains("statement") => null,
            _ when Names(MinimumKeys, key) => Dimension.Minimum,
            _ when Names(MaximumKeys, key) => Dimension.Maximum,
            _ when key.Contains("idletimeout") || key.Contains("idlelifetime") => Dimension.Idle,
            _ when key.Contains("connectiontimeout") || key.Contains("connecttimeout") => Dimension.Connect,
            "timeout" when inConnectionString || setting.Key == "Timeout" => Dimension.Connect,
            _ => null,
        };
    }

    // Short names such as max count only alone; longer ones also as the end of a prefixed key.
    private static bool Names(HashSet<string> names, string key) =>
        names.Any(n => key == n || (n.Length > 3 && key.EndsWith(n, StringComparison.Ordinal)));

    private static string? Problem(Dimension dimension, double value, PoolLimits limits) => dimension switch
    {
        Dimension.Minimum when value > limits.MaxMinimum => $"is above the minimum's limit of {limits.MaxMinimum}",
        Dimension.Maximum when value > limits.MaxMaximum => $"is above the maximum's limit of {limits.MaxMaximum}",
        Dimension.Idle when value < limits.IdleSeconds.Low || value > limits.IdleSeconds.High =>
            $"is outside the idle timeout's range of {limits.IdleSeconds.Low}-{limits.IdleSeconds.High} s",
        Dimension.Connect when value < limits.ConnectSeconds.Low || value > limits.ConnectSeconds.High =>
            $"is outside the connect timeout's range of {limits.ConnectSeconds.Low}-{limits.ConnectSeconds.High} s",
        _ => null,
    };

    private static string Format(double value, Dimension dimension) =>
        dimension is Dimension.Idle or Dimension.Connect
            ? $"{value.ToString(CultureInfo.InvariantCulture)} s"
            : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Milliseconds when the key says so or the number is too large to be seconds.</summary>
    private static double Seconds(Setting setting, double value)
    {
        var key = setting.NormalizedKey;
        var millis = key.Contains("millis") || key.EndsWith("ms", StringComparison.Ordinal);
        var seconds = key.EndsWith("seconds", StringComparison.Ordinal)
            || key.EndsWith("sec", StringComparison.Ordinal);
        return millis || (!seconds && value >= 1000) ? value / 1000 : value;
    }

    /// <summary>The literal in a value, or the fallback literal after || or ??, with products folded.</summary>
    public static double? Number(string value)
    {
        var operators = new[] { "||", "??" }.Select(o => value.LastIndexOf(o, StringComparison.Ordinal)).Max();
        var text = operators >= 0 ? value[(operators + 2)..] : value;
        if (operators < 0 && !LeadingNumber().IsMatch(text.Trim().TrimStart('\'', '"')))
        {
            return null;
        }

        var match = Product().Match(text);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["factor"].Captures
            .Select(c => double.Parse(c.Value.Replace("_", ""), CultureInfo.InvariantCulture))
            .Aggregate(1.0, (a, b) => a * b);
    }

    private static bool IsConnectionStringLine(string line) =>
        ConnectionStringLine().IsMatch(line);

    [GeneratedRegex(@"^\d")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"(?<factor>\d[\d_]*(?:\.\d+)?)(?:\s*\*\s*(?<factor>\d[\d_]*(?:\.\d+)?))*")]
    private static partial Regex Product();

    [GeneratedRegex(@"(?i)(?:host|server)\s*=[^;]*;")]
    private static partial Regex ConnectionStringLine();
}
