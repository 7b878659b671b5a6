using System.Text.RegularExpressions;
using MantisPipeline.Audit.Compose;
using MantisPipeline.Audit.Repository;
using MantisPipeline.Audit.Text;
using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Rules;

/// <summary>Redis without a password, Redis at localhost from a container, and Redis nobody uses.</summary>
internal sealed partial class RedisCheck : IAuditCheck
{
    public IEnumerable<Finding> Check(AuditInput input)
    {
        var files = input.LiveFiles.Where(f => f.Kind is not (FileKind.Docs or FileKind.Other or FileKind.Sql));
        foreach (var file in files)
        {
            foreach (var (number, text) in file.NumberedLines().Where(l => !file.IsInContainer(l.Number)))
            {
                var findings = UrlFindings(input, file, number, text).Concat(HostSetting(input, file, number, text));
                foreach (var finding in findings)
                {
                    yield return finding;
                }
            }
        }

        foreach (var finding in ContextUrl(input).Concat(Unused(input)))
        {
            yield return finding;
        }
    }

    private static IEnumerable<Finding> UrlFindings(AuditInput input, AuditedFile file, int number, string text)
    {
        foreach (var url in ServiceUrls.Redis(text).Where(u => !Addresses.IsPlaceholder(u.Host)))
        {
            if (!input.Context.IsLocal && url.Password is null)
            {
                var message = $"The Redis URL for {url.Host} carries no password, so anyone who " +
                    "reaches the port can read and change the cache.";
                yield return AuditRules.RedisPassword.At(file, number, message, text.Trim(), $"url:{url.Host}");
            }

            if (InContainer(input, file) && Addresses.IsLoopback(url.Host))
            {
                yield return Localhost(file, number, text, url.Host);
            }
        }
    }

    private static IEnumerable<Finding> HostSetting(AuditInput input, AuditedFile file, int number, string text)
    {
        if (RedisHost().Match(text) is { Success: true } match && InContainer(input, file)
            && Addresses.IsLoopback(match.Groups["host"].Value))
        {
            yield return Localhost(file, number, text, match.Groups["host"].Value);
        }
    }

    private static Finding Localhost(AuditedFile file, int number, string text, string host)
    {
        var message = $"Redis is addressed as {host}, but the app runs in a container, where " +
            $"{host} is the container itself and not the Redis server.";
        return AuditRules.RedisLocalhost.At(file, number, message, text.Trim(), $"host:{host}");
    }

    /// <summary>
    /// Files named for a developer's machine (.env.local, .env.development) are read outside
    /// containers, where localhost is right.
    /// </summary>
    private static bool InContainer(AuditInput input, AuditedFile file) =>
        input.Context.AppRunsInContainer
        && !file.Name.EndsWith(".local", StringComparison.Ordinal)
        && !file.Name.StartsWith(".env.development", StringComparison.Ordinal)
        && !file.Name.StartsWith(".env.test", StringComparison.Ordinal);

    private static IEnumerable<Finding> ContextUrl(AuditInput input)
    {
        // Local deploys run containers with host networking, where loopback is the host's own.
        if (input.Context.IsLocal || ServiceUrls.Parse(input.Context.RedisUrl) is not { } url
            || !url.Scheme.StartsWith("redis", StringComparison.Ordinal))
        {
            yield break;
        }

        if (url.Password is null)
        {
            var message = $"The environment's Redis URL for {url.Host} carries no password.";
            yield return AuditRules.RedisPassword.At(input.EnvironmentFile, 1, message, "Redis URL", "environment-url");
        }

        if (input.Context.AppRunsInContainer && Addresses.IsLoopback(url.Host))
        {
            var message = $"The environment's Redis URL points at {url.Host}, which inside the app's " +
                "container is the container itself.";
            yield return AuditRules.RedisLocalhost.At(
                input.EnvironmentFile, 1, message, "Redis URL", "environment-url");
        }
    }

    private static IEnumerable<Finding> Unused(AuditInput input)
    {
        var clientFiles = input.LiveFiles.Where(f => f.Kind is FileKind.Code || f.Name == "package.json"
            || f.Name.EndsWith(".csproj", StringComparison.Ordinal) || f.Name == "requirements.txt");
        if (clientFiles.Any(f => RedisClient().IsMatch(f.Text)))
        {
            yield break;
        }

        foreach (var compose in input.LiveFiles.Where(f => f.Kind is FileKind.Compose))
        {
            foreach (var service in ComposeFile.Parse(compose).Services.Where(s => s.IsRedis))
            {
                var message = $"The compose service '{service.Name}' runs Redis, but no code in the " +
                    "repository has a Redis client, so it is an open port that serves nobody.";
                yield return AuditRules.RedisUnused.At(
                    compose, service.Line, message, $"{service.Name}: image {service.Image}", service.Name);
            }
        }
    }

    [GeneratedRegex(@"(?i)\bREDIS_?HOST\b[""']?\s*[:=]\s*[""']?(?<host>[^\s""',;]+)")]
    private static partial Regex RedisHost();

    [GeneratedRegex(
        @"\b(?:ioredis|@upstash/redis|@redis/client|StackExchange\.Redis|connect-redis|bullmq|go-redis|" +
        @"redis-py|Microsoft\.Extensions\.Caching\.StackExchangeRedis)\b|require\(\s*['""]redis['""]\s*\)|" +
        @"from\s+['""]redis['""]|^\s*import\s+redis\b|^\s*from\s+redis\s+import|""redis""\s*:|^redis[=>~ ]",
        RegexOptions.Multiline)]
    private static partial Regex RedisClient();
}
