using static MantisPipeline.Tests.Audit.FixtureValues;

namespace MantisPipeline.Tests.Audit;

/// <summary>An app configured the right way: a correct audit reports nothing on it.</summary>
internal static class CleanApp
{
    public static LabeledFixture Create()
    {
        var repo = new FixtureRepository();

        repo.Write(".gitignore", "node_modules\n.env*.local\n.env\n")
            .Write(".env.example", string.Join('\n',
                "DATABASE_URL=postgres://USER:PASSWORD@HOST/db?sslmode=require",
                "JWT_SECRET=change-me",
                "REDIS_URL=redis://:PASSWORD@redis:6379",
                ""))
            .Write(".env.production", "NEXT_PUBLIC_API_URL=https://api.example.com\nNEXT_PUBLIC_FEATURE=on\n")
            .Write("package.json", "{\n  \"dependencies\": { \"pg\": \"8.11.3\", \"ioredis\": \"5.4.1\" }\n}\n")
            .Write("lib/db.ts", string.Join('\n',
                "import { Pool } from 'pg';",
                "",
                "const url = process.env.DATABASE_URL;",
                "if (!url) {",
                "  throw new Error('DATABASE_URL is not set');",
                "}",
                "",
                "export const pool = new Pool({",
                "  connectionString: url,",
                "  max: 10,",
                "  min: 0,",
                "  idleTimeoutMillis: 15000,",
                "  connectionTimeoutMillis: 5000,",
                "  statement_timeout: 5000,",
                "  idle_in_transaction_session_timeout: 10000,",
                "});",
                ""))
            .Write("lib/cache.ts",
                "import Redis from 'ioredis';\n\nexport const cache = new Redis(process.env.REDIS_URL!);\n")
            .Write("lib/server.ts", string.Join('\n',
                "export const port = Number(process.env.PORT || 3000);",
                $"export const listenHost = '{Loopback}';",
                "export const stage = process.env.NODE_ENV ?? 'development';",
                $"export const healthUrl = `http://{Localhost}:${{port}}/api/health`;",
                ""))
            .Write("middleware.ts", string.Join('\n',
                "export function middleware(request) {",
                "  const ip = request.headers.get('x-forwarded-for') ?? 'unknown';",
                "  return rateLimit(ip);",
                "}",
                ""))
            .Write("Dockerfile", string.Join('\n',
                "FROM node:20-slim",
                "COPY . /app",
                $"HEALTHCHECK --interval=10s CMD curl -f http://{Localhost}:3000/api/health \\",
                $"  || curl -f http://{Loopback}:3000/ || exit 1",
                "CMD [\"node\", \"server.js\"]",
                ""))
            .Write("certs/ca.pem", "-----BEGIN CERTIFICATE-----\n" + Random(64) + "\n-----END CERTIFICATE-----\n")
            .Write(".vscode/settings.json", "{\n  \"editor.formatOnSave\": true\n}\n")
            .Write("config.schema.json", string.Join('\n',
                "{",
                "  \"properties\": {",
                "    \"JwtSecret\": {",
                "      \"type\": \"string\"",
                "    },",
                "    \"SessionSecret\": {",
                "      \"type\": \"string\"",
                "    }",
                "  }",
                "}",
                ""))
            .Write("__tests__/db.test.ts", $"process.env.DB_HOST = process.env.DB_HOST || '{LegacyIp}';\n")
            .Write("README.md",
                $"Run `npm run dev` and open http://{Localhost}:3000. Postgres listens on {Loopback}:5432.\n")
            .Write("docker-compose.yml", string.Join('\n',
                "services:",
                "  db:",
                "    image: postgres:15",
                "    ports:",
                $"      - \"{Loopback}:5432:5432\"",
                "    environment:",
                "      POSTGRES_PASSWORD_FILE: /run/secrets/pg",
                "    healthcheck:",
                "      test: [\"CMD-SHELL\", \"pg_isready -U postgres\"]",
                "  redis:",
                "    image: redis:7",
                "    command: [\"redis-server\", \"--requirepass\", \"${REDIS_PASSWORD}\"]",
                "    ports:",
                "      - target: 6379",
                "        published: 6379",
                $"        host_ip: {Loopback}",
                "    healthcheck:",
                $"      test: [\"CMD\", \"redis-cli\", \"-h\", \"{Localhost}\", " +
                "\"-a\", \"${REDIS_PASSWORD}\", \"ping\"]",
                "  web:",
                "    build: .",
                "    environment:",
                "      DATABASE_URL: ${DATABASE_URL}",
                "      JWT_SECRET: ${JWT_SECRET}",
                "    ports:",
                "      - \"8080:3000\"",
                "    healthcheck:",
                $"      test: [\"CMD\", \"curl\", \"-f\", \"http://{Localhost}:3000/api/health\"]",
                ""))
            .Commit("A carefully configured app");

        // Never committed, ignored, and strong: present on a developer's machine only.
        var databaseUrl = $"postgres://app:{DatabasePassword}@{PoolerHost}/app?sslmode=require";
        repo.Write(".env.local", string.Join('\n',
            $"DATABASE_URL={databaseUrl}",
            $"JWT_SECRET={StrongSecret}",
            $"SESSION_SECRET={OtherStrongSecret}",
            $"REDIS_URL=redis://:{DatabasePassword}@{Localhost}:6379",
            ""));

        return new LabeledFixture("clean app", repo, []);
    }
}
