using static MantisPipeline.Tests.Audit.FixtureValues;

namespace MantisPipeline.Tests.Audit;

/// <summary>The same mistakes in C#, Python, shell and compose variants, with look-alikes that are fine.</summary>
internal static class VarietyApp
{
    public static LabeledFixture Create()
    {
        var repo = new FixtureRepository();
        var internalHost = "db.internal" + ".example";

        repo.Write(".env", $"SESSION_SECRET={StrongSecret}\nAPP_NAME=variety\n")
            .Write("deploy/id_ed25519", PrivateKeyBlock())
            .Write(".npmrc", $"//registry.npmjs.org/:_authToken={NpmToken}\n")
            .Write("src/Api/Database.cs", string.Join('\n',
                "using Npgsql;",
                "",
                "public static class Database",
                "{",
                "    static readonly string Host = " +
                    $"Environment.GetEnvironmentVariable(\"DB_HOST\") ?? \"{internalHost}\";",
                "",
                "    public static NpgsqlDataSource Create(string url) => new NpgsqlDataSourceBuilder(url)",
                "    {",
                "    }.Build();",
                "",
                "    public static NpgsqlConnectionStringBuilder Builder() => new()",
                "    {",
                "        MaxPoolSize = 200,",
                "        Options = \"-c statement_timeout=5000\",",
                "    };",
                "}",
                ""))
            .Write("src/Api/Admin.cs", string.Join('\n',
                "public static class Admin",
                "{",
                "    public static bool Allowed(HttpContext context) =>",
                "        IPAddress.IsLoopback(context.Connection.RemoteIpAddress!);",
                "",
                $"    public static readonly Uri Self = new(\"http://{Loopback}:5000\");",
                "}",
                ""))
            .Write("src/Api/appsettings.json", string.Join('\n',
                "{",
                "  \"ConnectionStrings\": {",
                $"    \"Main\": \"Host={internalHost};Database=app;Username=app;" +
                    "SSL Mode=Disable;Maximum Pool Size=200\"",
                "  }",
                "}",
                ""))
            .Write("worker/settings.py", string.Join('\n',
                "import os",
                "import redis",
                "import requests",
                "",
                $"REDIS_HOST = os.getenv(\"REDIS_HOST\", \"{Localhost}\")",
                "SECRET_KEY = \"django-insecure-dev\"",
                "DEBUG = os.getenv(\"DEBUG\", \"false\")",
                "",
                "def fetch(url):",
                "    return requests.get(url, verify=False)",
                ""))
            .Write("scripts/deploy.sh", string.Join('\n',
                "#!/bin/sh",
                "set -eu",
                $"psql \"postgresql://app@{OtherIp}:5432/app\" -f migrate.sql",
                "echo \"deploying ${APP_VERSION:-dev}\"",
                ""))
            .Write("docs/network.md", $"Examples use {DocumentationIp}; the cache is at cache.example.org:6379.\n")
            .Write("compose.yaml", string.Join('\n',
                "services:",
                "  postgres:",
                "    image: postgres:15",
                "    ports:",
                "      - \"0.0.0.0:5432:5432\"",
                "    environment:",
                "      - POSTGRES_PASSWORD=postgres",
                "      - POSTGRES_PASSWORD_FILE=/run/secrets/pg",
                "    healthcheck:",
                "      disable: true",
                "  cache:",
                "    image: bitnami/redis:7.2",
                "    ports:",
                "      - target: 6379",
                "        published: 6379",
                $"        host_ip: {Loopback}",
                "    healthcheck:",
                "      test: [\"CMD\", \"redis-cli\", \"ping\"]",
                "  api:",
                "    image: example/api:1.0",
                "    ports:",
                "      - \"8080:80\"",
                "    healthcheck:",
                "      test: [\"CMD\", \"wget\", \"-q\", \"-O-\", \"http://" + Localhost + "/health\"]",
                ""))
            .Commit("Variety of stacks");

        // Ignored after the fact: git keeps tracking a file that was added before.
        repo.Write(".gitignore", ".env\n").Commit("Ignore .env");

        Expectation[] expected =
        [
            new("audit/tracked-sensitive-file", ".env", "SESSION_SECRET"),
            new("audit/tracked-sensitive-file", "deploy/id_ed25519", "PRIVATE KEY"),
            new("audit/tracked-sensitive-file", ".npmrc", "_authToken"),
            new("audit/endpoint-fallback", "src/Api/Database.cs", "DB_HOST"),
            new("audit/pool-limits", "src/Api/Database.cs", "MaxPoolSize"),
            new("audit/loopback-trust", "src/Api/Admin.cs", "IsLoopback"),
            new("audit/database-tls", "src/Api/appsettings.json", "SSL Mode=Disable"),
            new("audit/pool-limits", "src/Api/appsettings.json", "Maximum Pool Size"),
            new("audit/endpoint-fallback", "worker/settings.py", "REDIS_HOST"),
            new("audit/weak-secret", "worker/settings.py", "SECRET_KEY"),
            new("audit/certificate-check", "worker/settings.py", "verify=False"),
            new("audit/database-tls", "scripts/deploy.sh", "psql"),
            new("audit/hard-coded-address", "scripts/deploy.sh", "psql"),
            new("audit/hard-coded-address", "docs/network.md", "Examples use"),
            new("audit/published-port", "compose.yaml", "0.0.0.0:5432:5432"),
            new("audit/literal-secret-env", "compose.yaml", "POSTGRES_PASSWORD=postgres"),
            new("audit/missing-health-check", "compose.yaml", "  postgres:"),
        ];

        return new LabeledFixture("variety app", repo, expected);
    }
}
