using static MantisPipeline.Tests.Audit.FixtureValues;

namespace MantisPipeline.Tests.Audit;

/// <summary>
/// The review's situation as a Next.js app: .env.local and a tool config committed and later
/// untracked, fallbacks to a legacy database IP, classic pool settings on serverless Postgres,
/// no statement timeout, an unauthenticated Redis URL, human-made secrets, a loopback check in
/// middleware, and loopback port bindings and in-container health checks that are correct.
/// </summary>
internal static class ReviewApp
{
    public static LabeledFixture Create()
    {
        var repo = new FixtureRepository();
        var databaseUrl = $"postgres://shop:{DatabasePassword}@{PoolerHost}/shop?sslmode=require";

        repo.Write(".gitignore", "node_modules\n.next\n")
            .Write(".env.local", string.Join('\n',
                $"DATABASE_URL={databaseUrl}",
                "DB_POOL_MAX=20",
                "DB_POOL_MIN=5",
                "DB_IDLE_TIMEOUT_MS=30000",
                $"REDIS_URL=redis://{Localhost}:6379",
                $"JWT_SECRET={WordySecret}",
                $"SESSION_SECRET={LongWordySecret}",
                $"NEXTAUTH_SECRET={WordySecret}",
                ""))
            .Write(".cursor/mcp.json", string.Join('\n',
                "{",
                "  \"mcpServers\": {",
                "    \"db\": {",
                $"      \"env\": {{ \"DATABASE_URL\": \"postgres://shop:{DatabasePassword}@{LegacyIp}:5432/shop\" }}",
                "    }",
                "  }",
                "}",
                ""))
            .Write("package.json", string.Join('\n',
                "{",
                "  \"name\": \"shop\",",
                "  \"version\": \"1.4.2\",",
                "  \"dependencies\": { \"next\": \"14.2.3\", \"pg\": \"8.11.3\", \"react\": \"18.3.1\" }",
                "}",
                ""))
            .Write("next.config.js", string.Join('\n',
                "module.exports = {",
                "  env: {",
                $"    API_BASE: process.env.API_BASE || 'http://{LegacyIp}:8080',",
                "    STAGE: process.env.NODE_ENV || 'development',",
                "  },",
                "};",
                ""))
            .Write("lib/db.ts", string.Join('\n',
                "import { Pool } from 'pg';",
                "",
                "export const pool = new Pool({",
                $"  host: process.env.DB_HOST || '{LegacyIp}',",
                "  port: Number(process.env.DB_PORT || 5432),",
                "  max: 20,",
                "  min: 5,",
                "  idleTimeoutMillis: 30000,",
                "  connectionTimeoutMillis: 2000,",
                "  ssl: { rejectUnauthorized" + ": false },",
                "});",
                ""))
            .Write("lib/legacy.ts", string.Join('\n',
                $"export const legacyHost = process.env.PG_HOST ?? \"{LegacyIp}\";",
                "export const appUrl = 'http://" + Localhost + ":3000';",
                ""))
            .Write("lib/auth.ts", string.Join('\n',
                $"export const jwtSecret = process.env.JWT_SECRET || '{WordySecret}';",
                "export const port = process.env.PORT || 3000;",
                ""))
            .Write("middleware.ts", string.Join('\n',
                "import { NextResponse } from 'next/server';",
                "",
                "export function middleware(request) {",
                "  const ip = request.ip ?? request.headers.get('x-forwarded-for') ?? '';",
                $"  if (ip === '{Loopback}' || ip === '::1') {{",
                "    return NextResponse.next();",
                "  }",
                $"  if (request.nextUrl.hostname === '{Localhost}') {{",
                "    return NextResponse.next();",
                "  }",
                "  return rateLimit(ip);",
                "}",
                ""))
            .Write("scripts/backup.sh", string.Join('\n',
                "#!/bin/sh",
                $"PGHOST=${{PGHOST:-{LegacyIp}}}",
                "pg_dump -h \"$PGHOST\" shop > backup.sql",
                ""))
            .Write("docs/runbook.md", string.Join('\n',
                "# Runbook",
                "",
                $"Connect with psql -h {LegacyIp} -p 5432 when the app is down.",
                $"Locally the database listens on {Loopback}:5432.",
                ""))
            .Write("migrations/001_init.sql", string.Join('\n',
                $"-- copied from the server at {LegacyIp}",
                "CREATE TABLE orders (id serial primary key);",
                ""))
            .Write("docker-compose.yml", string.Join('\n',
                "services:",
                "  db:",
                "    image: postgres:15",
                "    ports:",
                $"      - \"{Loopback}:5432:5432\"",
                "    environment:",
                "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}",
                "    healthcheck:",
                $"      test: [\"CMD-SHELL\", \"pg_isready -h {Localhost} -U postgres\"]",
                "      interval: 5s",
                "  redis:",
                "    image: redis:7",
                "    ports:",
                "      - \"6379:6379\"",
                "    healthcheck:",
                $"      test: [\"CMD\", \"redis-cli\", \"-u\", \"redis://{Localhost}:6379\", \"ping\"]",
                "  web:",
                "    build: .",
                "    environment:",
                "      DATABASE_URL: ${DATABASE_URL}",
                "      SESSION_SECRET: \"keyboard-cat\"",
                "    ports:",
                $"      - \"{Loopback}:3000:3000\"",
                ""))
            .Commit("First version of the shop");

        repo.Write(".gitignore", "node_modules\n.next\n.env*.local\n.cursor/\n")
            .Untrack(".env.local")
            .Untrack(".cursor/mcp.json")
            .Delete(".cursor/mcp.json")
            .Commit("Stop tracking local configuration");

        Expectation[] expected =
        [
            new("audit/tracked-sensitive-file", ".env.local", "DATABASE_URL="),
            new("audit/pool-limits", ".env.local", "DB_POOL_MAX"),
            new("audit/pool-limits", ".env.local", "DB_POOL_MIN"),
            new("audit/pool-limits", ".env.local", "DB_IDLE_TIMEOUT_MS"),
            new("audit/redis-password", ".env.local", "REDIS_URL"),
            new("audit/weak-secret", ".env.local", "JWT_SECRET"),
            new("audit/weak-secret", ".env.local", "SESSION_SECRET"),
            new("audit/weak-secret", ".env.local", "NEXTAUTH_SECRET"),
            new("audit/endpoint-fallback", "next.config.js", "API_BASE"),
            new("audit/hard-coded-address", "next.config.js", "API_BASE"),
            new("audit/endpoint-fallback", "lib/db.ts", "DB_HOST"),
            new("audit/hard-coded-address", "lib/db.ts", "DB_HOST"),
            new("audit/endpoint-fallback", "lib/db.ts", "DB_PORT"),
            new("audit/pool-limits", "lib/db.ts", "max: 20"),
            new("audit/pool-limits", "lib/db.ts", "min: 5"),
            new("audit/pool-limits", "lib/db.ts", "idleTimeoutMillis"),
            new("audit/pool-limits", "lib/db.ts", "connectionTimeoutMillis"),
            new("audit/certificate-check", "lib/db.ts", "rejectUnauthorized"),
            new("audit/statement-timeout", "lib/db.ts", "new Pool("),
            new("audit/endpoint-fallback", "lib/legacy.ts", "PG_HOST"),
            new("audit/hard-coded-address", "lib/legacy.ts", "PG_HOST"),
            new("audit/weak-secret", "lib/auth.ts", "JWT_SECRET"),
            new("audit/loopback-trust", "middleware.ts", "ip === "),
            new("audit/endpoint-fallback", "scripts/backup.sh", "PGHOST="),
            new("audit/hard-coded-address", "scripts/backup.sh", "PGHOST="),
            new("audit/hard-coded-address", "docs/runbook.md", "psql -h"),
            new("audit/hard-coded-address", "migrations/001_init.sql", "copied from"),
            new("audit/published-port", "docker-compose.yml", "\"6379:6379\""),
            new("audit/redis-unused", "docker-compose.yml", "  redis:"),
            new("audit/missing-health-check", "docker-compose.yml", "  web:"),
            new("audit/literal-secret-env", "docker-compose.yml", "SESSION_SECRET"),
            new("audit/weak-secret", "docker-compose.yml", "SESSION_SECRET"),

            // Only history holds the tool config now; line 4 carries the database password.
            new("audit/tracked-sensitive-file", ".cursor/mcp.json", "", Line: 4),
        ];

        return new LabeledFixture("review app", repo, expected);
    }
}
