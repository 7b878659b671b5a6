using System.Security.Cryptography;
using System.Text;

namespace MantisPipeline.Tests.Secrets;

/// <summary>
/// A labelled corpus of secrets of many kinds and of decoys, built at run time from pieces
/// and random characters: no source file holds a secret, since this repository scans itself.
/// </summary>
public static class SecretCorpus
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Alnum = Upper + Lower + Digits;
    private const string Hex = "0123456789abcdef";
    private const string Base64 = Alnum + "+/";
    private const string UrlSafe = Alnum + "_-";

    public static IReadOnlyList<CorpusSample> Secrets() => [.. CloudAndHosts(), .. Registries(), .. Messaging(),
        .. PaymentsAndAi(), .. Platforms(), .. Keys(), .. ConnectionStrings(), .. Generic(), .. Weak()];

    public static IReadOnlyList<CorpusSample> Decoys() => [.. Placeholders(), .. References(), .. PublicValues(),
        .. Digests(), .. Fixtures(), .. LocalDefaults(), .. Code()];

    private static string R(int length, string alphabet = Alnum) => RandomNumberGenerator.GetString(alphabet, length);

    private static CorpusSample S(string kind, string file, string content) => new(kind, file, content, true);

    private static CorpusSample D(string kind, string file, string content) => new(kind, file, content, false);

    private static IEnumerable<CorpusSample> CloudAndHosts()
    {
        string AwsId() => "AK" + "IA" + R(16, Upper + "234567");
        string AwsSecret() => R(40, Base64);
        yield return S("aws-access-key-id", ".env", $"AWS_ACCESS_KEY_ID={AwsId()}\n");
        yield return S("aws-access-key-id", "deploy.py",
            $"client = boto3.client('s3', aws_access_key_id='{AwsId()}')\n");
        yield return S("aws-secret-access-key", "credentials", $"[default]\naws_secret_access_key = {AwsSecret()}\n");
        yield return S("aws-secret-access-key", "ci.yml", $"env:\n  AWS_SECRET_ACCESS_KEY: \"{AwsSecret()}\"\n");
        yield return S("gcp-service-account", "sa.json", GcpServiceAccount());
        yield return S("gcp-service-account", "terraform-sa.json", GcpServiceAccount());
        yield return S("google-api-key", "maps.js", $"const mapsKey = \"{"AI" + "za" + R(35, UrlSafe)}\";\n");
        yield return S("google-api-key", ".env", $"GEMINI_API_KEY={"AI" + "za" + R(35, UrlSafe)}\n");
        yield return S("azure-storage-connection-string", "appsettings.json",
            "{ \"Storage\": \"DefaultEndpointsProtocol=https;AccountName=shopdata;Account" +
            $"Key={R(86, Base64)}==;EndpointSuffix=core.windows.net\" }}\n");
        yield return S("azure-storage-key", "local.settings.json",
            $"{{ \"AzureWebJobsStorage\": \"AccountName=fn;Account" + $"Key={R(86, Base64)}==\" }}\n");
        yield return S("azure-service-bus-key", "bus.config",
            "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;" +
            $"SharedAccess" + $"Key={R(43, Base64)}=\n");
        yield return S("azure-sas-token", "upload.sh",
            $"curl \"https://shop.blob.core.windows.net/c/f?sv=2022-11-02&ss=b&sp=rw&sig={R(43, Base64)}%3D\"\n");
        yield return S("github-classic-token", ".env", $"GITHUB_TOKEN={"gh" + "p_" + R(36)}\n");
        yield return S("github-classic-token", "release.sh",
            $"git push https://x:{"gh" + "p_" + R(36)}@github.com/o/r\n");
        yield return S("github-oauth-token", "auth.json", $"{{ \"access\": \"{"gh" + "o_" + R(36)}\" }}\n");
        yield return S("github-app-token", "bot.ts", $"const installation = '{"gh" + "s_" + R(36)}';\n");
        yield return S("github-user-token", "cli.cfg", $"oauth = {"gh" + "u_" + R(36)}\n");
        yield return S("github-refresh-token", "refresh.txt", $"{"gh" + "r_" + R(76)}\n");
        yield return S("github-fine-grained-token", ".env", $"GH_PAT={"github" + "_pat_" + R(22) + "_" + R(59)}\n");
        yield return S("github-fine-grained-token", "workflow.sh",
            $"export T={"github" + "_pat_" + R(22) + "_" + R(59)}\n");
        yield return S("gitlab-token", ".gitlab.env", $"GITLAB_TOKEN={"gl" + "pat-" + R(20, UrlSafe)}\n");
        yield return S("gitlab-token", "mirror.sh",
            $"curl -H 'PRIVATE-TOKEN: {"gl" + "pat-" + R(20)}' gitlab.com/api\n");
        yield return S("gitlab-runner-token", "config.toml", $"token = \"{"gl" + "rt-" + R(20, UrlSafe)}\"\n");
        yield return S("gitlab-deploy-token", "deploy.env", $"REGISTRY_PASS={"gl" + "dt-" + R(20)}\n");
    }

    private static IEnumerable<CorpusSample> Registries()
    {
        yield return S("npm-token", ".npmrc", $"//registry.npmjs.org/:_authToken={"np" + "m_" + R(36)}\n");
        yield return S("npm-token", "publish.yml", $"NODE_AUTH_TOKEN: {"np" + "m_" + R(36)}\n");
        yield return S("npmrc-auth", ".npmrc", $"//npm.pkg.example.org/:_auth" + $"Token={R(40, Base64)}\n");
        yield return S("nuget-api-key", "push.ps1",
            $"dotnet nuget push *.nupkg -k {"oy" + "2" + R(43, Lower + Digits)}\n");
        yield return S("nuget-api-key", "NuGet.Config",
            $"<add key=\"ApiKey\" value=\"{"oy" + "2" + R(43, Lower + Digits)}\" />\n");
        yield return S("pypi-token", ".pypirc", $"[pypi]\npassword = {"py" + "pi-AgEIcHlwaS5vcmc" + R(70, UrlSafe)}\n");
        yield return S("pypi-token", "release.yml",
            $"TWINE_PASSWORD: {"py" + "pi-AgEIcHlwaS5vcmc" + R(60, UrlSafe)}\n");
        yield return S("docker-hub-token", ".env", $"DOCKERHUB_TOKEN={"dckr" + "_pat_" + R(27, UrlSafe)}\n");
        yield return S("docker-hub-token", "login.sh",
            $"echo {"dckr" + "_pat_" + R(27)} | docker login -u shop --password-stdin\n");
        yield return S("docker-config-auth", "config.json",
            $"{{ \"auths\": {{ \"registry.shop.io\": {{ \"auth\": \"{R(40, Base64)}\" }} }} }}\n");
    }

    private static IEnumerable<CorpusSample> Messaging()
    {
        string Slack(string kind) => "xo" + kind + "-" + R(12, Digits) + "-" + R(12, Digits) + "-" + R(24);
        yield return S("slack-bot-token", ".env", $"SLACK_BOT_TOKEN={Slack("xb")}\n");
        yield return S("slack-bot-token", "notify.py", $"client = WebClient(token=\"{Slack("xb")}\")\n");
        yield return S("slack-user-token", "slack.json", $"{{ \"token\": \"{Slack("xp")}\" }}\n");
        yield return S("slack-app-token", ".env",
            $"SLACK_APP_TOKEN={"xa" + "pp-1-A" + R(10, Upper + Digits)}-{R(13, Digits)}-{R(64, Hex)}\n");
        yield return S("slack-webhook", "alerts.yml",
            $"url: https://hooks.slack.com/services/T{R(8, Upper)}/B{R(8, Upper)}/{R(24)}\n");
        yield return S("slack-webhook", "notify.sh",
            $"curl -X POST https://hooks.slack.com/services/T{R(10)}/B{R(10)}/{R(24)}\n");
        yield return S("discord-webhook", ".env",
            $"DISCORD_WEBHOOK=https://discord.com/api/webhooks/{R(18, Digits)}/{R(68, UrlSafe)}\n");
        yield return S("discord-webhook", "bot.js",
            $"const hook = 'https://discordapp.com/api/webhooks/{R(18, Digits)}/{R(68, UrlSafe)}';\n");
        yield return S("telegram-bot-token", "bot.env", $"TELEGRAM_TOKEN={R(10, Digits)}:AA{R(33, UrlSafe)}\n");
        yield return S("sendgrid-key", ".env",
            $"SENDGRID_API_KEY={"S" + "G." + R(22, UrlSafe) + "." + R(43, UrlSafe)}\n");
        yield return S("sendgrid-key", "mail.cs",
            $"var client = new SendGridClient(\"{"S" + "G." + R(22) + "." + R(43)}\");\n");
        yield return S("mailgun-key", "mail.env", $"MAILGUN_API_KEY={"ke" + "y-" + R(32, Hex)}\n");
        yield return S("mailgun-key", "mailer.rb", $"Mailgun::Client.new('{"ke" + "y-" + R(32, Hex)}')\n");
        yield return S("mailchimp-key", "newsletter.env", $"MAILCHIMP_KEY={R(32, Hex)}-us{R(1, "123456789")}\n");
        yield return S("twilio-auth-token", ".env", $"TWILIO_AUTH_TOKEN={R(32, Hex)}\n");
        yield return S("twilio-auth-token", "sms.py", $"twilio_api_secret = \"{R(32)}\"\n");
    }

    private static IEnumerable<CorpusSample> PaymentsAndAi()
    {
        yield return S("stripe-secret-key", ".env", $"STRIPE_SECRET_KEY={"sk" + "_live_" + R(99)}\n");
        yield return S("stripe-secret-key", "billing.js",
            $"const stripe = require('stripe')('{"sk" + "_live_" + R(24)}');\n");
        yield return S("stripe-restricted-key", "stripe.yml", $"restricted: {"rk" + "_live_" + R(99)}\n");
        yield return S("stripe-restricted-key", "payments.env", $"STRIPE_RK={"rk" + "_live_" + R(24)}\n");
        yield return S("shopify-token", "shop.env", $"SHOPIFY_TOKEN={"shp" + "at_" + R(32, Hex)}\n");
        yield return S("openai-key", ".env", $"OPENAI_API_KEY={"sk" + "-proj-" + R(74, UrlSafe) + "T3Blbk" + R(20)}\n");
        yield return S("openai-key", "chat.py", $"openai.api_key = \"{"sk" + "-proj-" + R(48)}\"\n");
        yield return S("openai-legacy-key", "ai.js",
            $"const openai = new OpenAI({{ apiKey: '{"sk" + "-" + R(48)}' }});\n");
        yield return S("anthropic-key", ".env", $"ANTHROPIC_API_KEY={"sk" + "-ant-api03-" + R(95, UrlSafe)}AA\n");
        yield return S("anthropic-key", "agent.ts",
            $"new Anthropic({{ apiKey: \"{"sk" + "-ant-api03-" + R(93)}\" }});\n");
        yield return S("huggingface-token", ".env", $"HF_TOKEN={"h" + "f_" + R(34, Upper + Lower)}\n");
        yield return S("huggingface-token", "download.py", $"login(token='{"h" + "f_" + R(34, Upper + Lower)}')\n");
        yield return S("groq-key", "llm.env", $"GROQ_API_KEY={"gs" + "k_" + R(52)}\n");
        yield return S("replicate-token", "gen.env", $"REPLICATE_API_TOKEN={"r" + "8_" + R(37)}\n");
        yield return S("perplexity-key", "search.env", $"PPLX_KEY={"pp" + "lx-" + R(48)}\n");
        yield return S("xai-key", "grok.env", $"XAI_API_KEY={"xa" + "i-" + R(80)}\n");
    }

    private static IEnumerable<CorpusSample> Platforms()
    {
        yield return S("neon-api-key", ".env", $"NEON_API_KEY={"na" + "pi_" + R(64, Lower + Digits)}\n");
        yield return S("neon-api-key", "neon.yml", $"api_key: {"na" + "pi_" + R(64, Lower + Digits)}\n");
        yield return S("supabase-service-key", ".env", $"SUPABASE_SERVICE_ROLE_KEY={Jwt("service_role")}\n");
        yield return S("supabase-service-key", "admin.ts", $"createClient(url, '{Jwt("service_role")}');\n");
        yield return S("supabase-secret-key", ".env", $"SUPABASE_SECRET={"sb" + "_secret_" + R(32, UrlSafe)}\n");
        yield return S("digitalocean-token", "do.env", $"DO_TOKEN={"do" + "p_v1_" + R(64, Hex)}\n");
        yield return S("vault-token", "vault.env", $"VAULT_TOKEN={"hv" + "s." + R(90, UrlSafe)}\n");
        yield return S("terraform-cloud-token", ".terraformrc",
            $"token = \"{R(14)}.{"atlas" + "v1"}.{R(67, UrlSafe)}\"\n");
        yield return S("linear-key", "linear.env", $"LINEAR_API_KEY={"lin" + "_api_" + R(40)}\n");
        yield return S("postman-key", "postman.env", $"POSTMAN_API_KEY={"PM" + "AK-" + R(24, Hex)}-{R(34, Hex)}\n");
        yield return S("new-relic-key", "nr.env", $"NEW_RELIC_API_KEY={"NR" + "AK-" + R(27, Upper + Digits)}\n");
        yield return S("age-secret-key", "key.txt",
            $"# created: 2024\n{"AGE-SECRET" + "-KEY-1" + R(58, Upper + Digits)}\n");
        yield return S("jwt", "token.txt", $"Authorization: Bearer {Jwt("admin")}\n");
        yield return S("jwt", "session.json", $"{{ \"accessToken\": \"{Jwt("user")}\" }}\n");
    }

    private static IEnumerable<CorpusSample> Keys()
    {
        yield return S("rsa-private-key", "id_rsa", Pem("RSA PRI" + "VATE KEY", 20));
        yield return S("rsa-private-key", "server.key", Pem("RSA PRI" + "VATE KEY", 14));
        yield return S("ec-private-key", "ec.pem", Pem("EC PRI" + "VATE KEY", 3));
        yield return S("pkcs8-private-key", "tls.key", Pem("PRI" + "VATE KEY", 16));
        yield return S("openssh-private-key", "id_ed25519", Pem("OPENSSH PRI" + "VATE KEY", 5));
        yield return S("openssh-private-key", "deploy_key", Pem("OPENSSH PRI" + "VATE KEY", 7));
        yield return S("pgp-private-key", "signing.asc",
            $"-----BEGIN PGP PRI{"VATE KEY"} BLOCK-----\nVersion: GnuPG v2\n\n{Lines(12)}\n=Ab1c\n" +
            $"-----END PGP PRI{"VATE KEY"} BLOCK-----\n");
        yield return S("private-key-in-yaml", "values.yml",
            "tls:\n  key: |\n" + Indent(Pem("RSA PRI" + "VATE KEY", 10)));
    }

    private static IEnumerable<CorpusSample> ConnectionStrings()
    {
        var password = () => R(20);
        yield return S("postgres-url", ".env.local",
            $"DATABASE_URL=postgres://app:{password()}@db.prod.internal:5432/app\n");
        yield return S("postgres-url", "knexfile.js", $"connection: 'postgresql://shop:{password()}@10.0.3.7/shop',\n");
        yield return S("postgres-url", "neon.env",
            $"DATABASE_URL=postgresql://neondb_owner:{password()}@ep-x.neon.tech/db?sslmode=require\n");
        yield return S("mysql-url", "config.yml", $"database: mysql://root:{password()}@mysql.prod:3306/shop\n");
        yield return S("mysql-url", ".env", $"MYSQL_URL=mysql://admin:{R(12)}@db.shop.io/orders\n");
        yield return S("mongodb-url", ".env",
            $"MONGO_URI=mongodb+srv://app:{password()}@cluster0.ab1cd.mongodb.net/shop\n");
        yield return S("mongodb-url", "db.js",
            $"mongoose.connect('mongodb://admin:{password()}@mongo.prod:27017/shop');\n");
        yield return S("redis-url", ".env", $"REDIS_URL=redis://default:{password()}@redis.prod:6379/0\n");
        yield return S("redis-url", "cache.yml", $"url: rediss://:{password()}@cache.upstash.io:6380\n");
        yield return S("amqp-url", ".env", $"RABBITMQ_URL=amqp://shop:{password()}@rabbit.prod:5672/\n");
        yield return S("amqp-url", "worker.py", $"BROKER = \"amqps://worker:{password()}@mq.cloudamqp.com/vhost\"\n");
        yield return S("sqlserver-connection-string", "appsettings.json",
            "{ \"Db\": \"Server=tcp:shop.database.windows.net,1433;Database=shop;User ID=app;" +
            $"Pass" + $"word={password()};\" }}\n");
        yield return S("sqlserver-connection-string", "web.config",
            "<add connectionString=\"Data Source=sql01;Initial Catalog=Shop;User Id=sa;" +
            $"Pass" + $"word={password()}\" />\n");
        yield return S("npgsql-connection-string", "appsettings.Production.json",
            $"{{ \"Pg\": \"Host=pg.prod;Database=shop;Username=app;Pass" + $"word={password()}\" }}\n");
        yield return S("url-password", "sync.sh", $"rsync -a dist/ https://deploy:{password()}@files.shop.io/site\n");
        yield return S("url-password", "pip.conf", $"index-url = https://build:{password()}@pypi.shop.io/simple\n");
        yield return S("ftp-url-password", "upload.cfg", $"target=ftp://uploader:{password()}@ftp.shop.io/incoming\n");
    }

    private static IEnumerable<CorpusSample> Generic()
    {
        yield return S("generic-api-key", "settings.py", $"API_KEY = \"{R(32)}\"\n");
        yield return S("generic-api-key", "config.yml", $"payments:\n  api_key: {R(40)}\n");
        yield return S("generic-api-key", "app.json", $"{{ \"apiKey\": \"{R(28)}\" }}\n");
        yield return S("generic-client-secret", ".env", $"OAUTH_CLIENT_SECRET={R(40, UrlSafe)}\n");
        yield return S("generic-client-secret", "auth.yml", $"client_secret: \"{R(34)}\"\n");
        yield return S("generic-token", "ci.env", $"export DEPLOY_TOKEN={R(48)}\n");
        yield return S("generic-token", "hook.yml", $"webhook_token: {R(36, Hex)}{R(8)}\n");
        yield return S("generic-secret-key", "settings.py", $"SECRET_KEY = '{R(50, Alnum + "!@#%^&*(-_=+)")}'\n");
        yield return S("generic-password", "db.ini", $"[db]\npassword = {R(24, Alnum + "!#%")}\n");
        yield return S("generic-encryption-key", "crypto.env", $"ENCRYPTION_KEY={R(44, Base64)}\n");
    }

    private static IEnumerable<CorpusSample> Weak()
    {
        string Words(params string[] words) => string.Join("_", words);
        yield return S("weak-jwt-secret", ".env.local",
            $"JWT_SECRET={Words("shop", "jwt", "secret", "key", "2025")}\n");
        yield return S("weak-jwt-secret", "config.ts", $"jwtSecret: '{Words("super", "secret", "jwt", "signing")}',\n");
        yield return S("weak-jwt-secret", "auth.yml", $"jwt_secret: \"{string.Join("-", "my", "app", "secret")}\"\n");
        yield return S("weak-session-secret", ".env", $"SESSION_SECRET={"keyboard"}{"cat"}{R(2, Digits)}\n");
        yield return S("weak-session-secret", "server.js",
            $"const session_secret = \"{Words("session", "secret", "prod")}\";\n");
        yield return S("weak-cookie-secret", "app.env", $"COOKIE_SECRET={Words("cookie", "monster", "secret")}\n");
        yield return S("weak-password", "docker-compose.yml",
            $"environment:\n  POSTGRES_PASSWORD: {"Summer"}{R(4, Digits)}!\n");
        yield return S("weak-password", ".env", $"DB_PASSWORD={"hunter"}{R(2, Digits)}\n");
        yield return S("weak-password", "settings.json", $"{{ \"adminPassword\": \"{"Admin"}{R(3, Digits)}\" }}\n");
        yield return S("weak-encryption-key", "crypto.yml", $"encryption_key: {Words("encrypt", "me", "please")}\n");
        yield return S("weak-signing-key", "tokens.env", $"SIGNING_KEY={R(16)}\n");
    }

    private static IEnumerable<CorpusSample> Placeholders()
    {
        yield return D("placeholder", ".env", "OPENAI_API_KEY=REPLACE_WITH_YOUR_KEY\n");
        yield return D("placeholder", ".env", "STRIPE_SECRET_KEY=<your-stripe-key>\n");
        yield return D("placeholder", "config.yml", "api_key: your_api_key_here\n");
        yield return D("placeholder", "settings.json", "{ \"password\": \"********\" }\n");
        yield return D("placeholder", "app.env", "JWT_SECRET=xxxxxxxxxxxxxxxxxxxxxxxx\n");
        yield return D("placeholder", ".env.example", "JWT_SECRET=changeme\nDB_PASSWORD=changeme\n");
        yield return D("placeholder", ".env.example", "SESSION_SECRET=example-session-secret\n");
        yield return D("placeholder", "config.sample.yml", "password: sample-password\n");
        yield return D("placeholder", "README.md", "Set `API_KEY=<api key>` before running.\n");
        yield return D("placeholder", ".env.template", "SENDGRID_API_KEY=\nTWILIO_AUTH_TOKEN=\n");
        yield return D("placeholder", "values.yml", "auth:\n  password: \"\"\n  token: ~\n");
        yield return D("placeholder", "config.ts", "export const apiKey = 'YOUR_API_KEY';\n");
        yield return D("placeholder", "docker.env", "POSTGRES_PASSWORD=password\n");
        yield return D("placeholder", ".env.dist", "MAILGUN_KEY=change-me-please\n");
        yield return D("placeholder", "config.yml", "secret: null\ntoken: none\n");
        yield return D("placeholder", "deploy.md", "export GITHUB_TOKEN=ghp_...\n");
        yield return D("placeholder", "api.http", "Authorization: Bearer {{token}}\n");
        yield return D("placeholder", "cfg.ini", "password = <password>\n");
        yield return D("placeholder", "secrets.yml", "db_password: REDACTED\n");
        yield return D("placeholder", "env.sh", "export API_TOKEN=TBD\n");
    }

    private static IEnumerable<CorpusSample> References()
    {
        yield return D("reference", ".env", "DB_PASSWORD=${DB_PASSWORD}\n");
        yield return D("reference", ".env", "API_TOKEN=$API_TOKEN\n");
        yield return D("reference", "run.cmd", "set SESSION_SECRET=%SESSION_SECRET%\n");
        yield return D("reference", "deploy.yml", "token: ${{ secrets.DEPLOY_TOKEN }}\n");
        yield return D("reference", "ci.yml", "env:\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n");
        yield return D("reference", "server.js", "const secret = process.env.JWT_SECRET;\n");
        yield return D("reference", "server.js", "const password = process.env.DB_PASSWORD || '';\n");
        yield return D("reference", "settings.py", "SECRET_KEY = os.environ[\"SECRET_KEY\"]\n");
        yield return D("reference", "settings.py", "DB_PASSWORD = os.getenv('DB_PASSWORD')\n");
        yield return D("reference", "Program.cs", "var apiKey = Environment.GetEnvironmentVariable(\"API_KEY\");\n");
        yield return D("reference", "vite.ts", "const key = import.meta.env.VITE_API_KEY;\n");
        yield return D("reference", "app.rb", "password = ENV['DB_PASSWORD']\n");
        yield return D("reference", "main.tf", "password = var.db_password\n");
        yield return D("reference", "values.yml", "password: {{ .Values.db.password }}\n");
        yield return D("reference", "site.yml", "db_password: \"{{ vault_db_password }}\"\n");
        yield return D("reference", "compose.yml", "environment:\n  - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?}\n");
        yield return D("reference", "k8s.yml", "env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n" +
            "        name: db-credentials\n        key: password\n");
        yield return D("reference", "docker.sh", "docker login -u \"$USER\" -p \"$REGISTRY_TOKEN\"\n");
        yield return D("reference", "Startup.cs", "var secret = configuration[\"Jwt:Secret\"];\n");
        yield return D("reference", "config.go", "token := os.Getenv(\"SLACK_TOKEN\")\n");
        yield return D("reference", "app.ps1", "$password = $env:DB_PASSWORD\n");
        yield return D("reference", "settings.json", "{ \"ConnectionStrings\": { \"Db\": \"${DATABASE_URL}\" } }\n");
    }

    private static IEnumerable<CorpusSample> PublicValues()
    {
        yield return D("documented-example", "docs.md", $"AWS_ACCESS_KEY_ID={"AK" + "IA" + "IOSFODNN7" + "EXAMPLE"}\n");
        yield return D("documented-example", "docs.md",
            $"aws_secret_access_key = {"wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLE" + "KEY"}\n");
        yield return D("documented-example", "guide.md", $"postgres://user:{"example"}@db.example.com/app\n");
        yield return D("publishable-key", "checkout.js", $"Stripe('{"pk" + "_live_" + R(99)}');\n");
        yield return D("publishable-key", ".env", $"NEXT_PUBLIC_STRIPE_KEY={"pk" + "_live_" + R(24)}\n");
        yield return D("publishable-key", ".env",
            $"SUPABASE_PUBLISHABLE_KEY={"sb" + "_publishable_" + R(32, UrlSafe)}\n");
        yield return D("anon-key", ".env", $"NEXT_PUBLIC_SUPABASE_ANON_KEY={Jwt("anon")}\n");
        yield return D("anon-key", "client.ts", $"createClient(url, '{Jwt("anon")}');\n");
        yield return D("client-id", ".env",
            $"GOOGLE_CLIENT_ID={R(12, Digits)}-{R(32, Lower + Digits)}.apps.googleusercontent.com\n");
        yield return D("client-id", "auth.yml", $"client_id: {R(20, Hex)}\n");
        yield return D("client-id", "oauth.json", $"{{ \"clientId\": \"{R(24)}\" }}\n");
        yield return D("public-key", "id_rsa.pub", $"ssh-rsa AAAAB3NzaC1yc2E{R(300, Base64)} dev@laptop\n");
        yield return D("public-key", "key.pem", $"-----BEGIN PUBLIC KEY-----\n{Lines(6)}\n-----END PUBLIC KEY-----\n");
        yield return D("certificate", "cert.pem",
            $"-----BEGIN CERTIFICATE-----\n{Lines(12)}\n-----END CERTIFICATE-----\n");
        yield return D("account-id", "twilio.env", $"TWILIO_ACCOUNT_SID=AC{R(32, Hex)}\n");
        yield return D("dsn", "sentry.env",
            $"SENTRY_DSN=https://{R(32, Hex)}@o{R(6, Digits)}.ingest.sentry.io/{R(7, Digits)}\n");
        yield return D("project-id", "firebase.json",
            $"{{ \"projectId\": \"shop-{R(6, Lower)}\", \"appId\": \"1:{R(12, Digits)}:web:{R(22, Hex)}\" }}\n");
        yield return D("public-url", "links.md", "See https://github.com/acme/shop and https://docs.acme.io/keys.\n");
    }

    private static IEnumerable<CorpusSample> Digests()
    {
        yield return D("lockfile-hash", "package-lock.json",
            $"{{ \"integrity\": \"sha512-{R(86, Base64)}==\",\n  \"token\": \"{R(40)}\" }}\n");
        yield return D("lockfile-hash", "yarn.lock",
            $"  integrity sha512-{R(86, Base64)}==\n  resolved \"https://r.io/a.tgz#{R(40, Hex)}\"\n");
        yield return D("lockfile-hash", "go.sum", $"github.com/a/b v1.2.3 h1:{R(43, Base64)}=\n");
        yield return D("lockfile-hash", "Cargo.lock", $"checksum = \"{R(64, Hex)}\"\n");
        yield return D("lockfile-hash", "poetry.lock", $"{{file = \"a.whl\", hash = \"sha256:{R(64, Hex)}\"}},\n");
        yield return D("lockfile-hash", "pnpm-lock.yaml", $"resolution: {{integrity: sha512-{R(86, Base64)}==}}\n");
        yield return D("lockfile-hash", "packages.lock.json", $"\"contentHash\": \"{R(86, Base64)}==\",\n");
        yield return D("digest", "deploy.yml", $"image: registry.shop.io/app@sha256:{R(64, Hex)}\n");
        yield return D("digest", "SHA256SUMS", $"{R(64, Hex)}  app-linux-x64.tar.gz\n");
        yield return D("digest", "checksums.yml", $"checksum: sha256:{R(64, Hex)}\n");
        yield return D("digest", "release.json", $"{{ \"sha\": \"{R(40, Hex)}\", \"tree\": \"{R(40, Hex)}\" }}\n");
        yield return D("digest", "CHANGELOG.md", $"- Fix login ({R(40, Hex)})\n");
        yield return D("digest", "cache.yml", $"key: deps-{R(64, Hex)}\n");
        yield return D("digest", "index.html",
            $"<script src=\"app.js\" integrity=\"sha384-{R(64, Base64)}\"></script>\n");
        yield return D("uuid", "seed.sql", $"INSERT INTO tokens (id) VALUES ('{Guid.NewGuid()}');\n");
        yield return D("uuid", ".env", $"REQUEST_TOKEN={Guid.NewGuid()}\n");
        yield return D("uuid", "session.json", $"{{ \"sessionId\": \"{Guid.NewGuid()}\" }}\n");
        yield return D("uuid", "app.yml", $"tenant_key: {Guid.NewGuid()}\n");
        yield return D("base64-image", "logo.css",
            $".logo {{ background: url(data:image/png;base64,iVBORw0KGgo{R(400, Base64)}=); }}\n");
        yield return D("minified-code", "vendor.min.js",
            string.Concat(Enumerable.Repeat("function(a,b){return a+b};", 300)) + "\n");
    }

    private static IEnumerable<CorpusSample> Fixtures()
    {
        yield return D("fake-fixture", "stripe.test.js", $"const key = '{"sk" + "_live_"}{new string('x', 24)}';\n");
        yield return D("fake-fixture", "github.spec.ts", $"const token = '{"gh" + "p_"}{new string('0', 36)}';\n");
        yield return D("fake-fixture", "aws_test.go", $"key := \"{"AK" + "IA"}{new string('X', 16)}\"\n");
        yield return D("fake-fixture", "auth_test.py", "password = 'fake-password-for-tests'\n");
        yield return D("fake-fixture", "fixtures.json", $"{{ \"apiKey\": \"dummy-{R(24)}\" }}\n");
        yield return D("fake-fixture", "mail.test.ts",
            $"const key = '{"S" + "G."}{new string('a', 22)}.{new string('b', 43)}';\n");
        yield return D("fake-fixture", "slack.spec.js",
            $"token: '{"xo" + "xb-"}{new string('0', 12)}-{new string('0', 12)}-{new string('x', 24)}'\n");
        yield return D("fake-fixture", "neon_test.go", $"key := \"{"na" + "pi_"}{new string('0', 64)}\"\n");
        yield return D("fake-fixture", "openai.test.py", $"api_key = \"{"sk" + "-"}{"fake"}{R(40)}\"\n");
        yield return D("fake-fixture", "db.test.env", "DATABASE_URL=postgres://user:placeholder@db:5432/test\n");
        yield return D("fake-fixture", "jwt.spec.ts", "const secret = 'test-secret-placeholder';\n");
        yield return D("fake-fixture", "auth.test.cs", "var password = \"dummy\";\n");
    }

    private static IEnumerable<CorpusSample> LocalDefaults()
    {
        yield return D("local-default", "docker-compose.yml",
            "DATABASE_URL: postgres://postgres:postgres@localhost:5432/app\n");
        yield return D("local-default", ".env.development", $"REDIS_URL=redis://:{R(16)}@127.0.0.1:6379\n");
        yield return D("local-default", "appsettings.Development.json",
            "{ \"Db\": \"Server=localhost;Database=shop;User Id=sa;Pass" + $"word={R(16)};\" }}\n");
        yield return D("local-default", "test.env", "MONGO_URL=mongodb://root:example@localhost:27017\n");
        yield return D("local-default", "rabbit.env", "AMQP_URL=amqp://guest:guest@localhost:5672/\n");
        yield return D("local-default", "mysql.env", $"MYSQL_URL=mysql://root:{R(12)}@127.0.0.1:3306/dev\n");
        yield return D("local-default", "ipv6.env", $"PG=postgresql://dev:{R(12)}@[::1]:5432/dev\n");
        yield return D("local-default", "npgsql.json",
            "{ \"Pg\": \"Host=localhost;Username=dev;Pass" + $"word={R(12)}\" }}\n");
        yield return D("local-default", "sql.config",
            $"Data Source=(local);Initial Catalog=Dev;Pass" + $"word={R(14)};\n");
    }

    private static IEnumerable<CorpusSample> Code()
    {
        yield return D("code", "login.py", "password = request.form['password']\n");
        yield return D("code", "auth.py", "token = get_token()\n");
        yield return D("code", "auth.js", "const secret = config.jwt.secret;\n");
        yield return D("code", "user.ts", "interface User {\n  password: string\n  token?: string\n}\n");
        yield return D("code", "form.html",
            "<input type=\"password\" name=\"password\" autocomplete=\"current-password\">\n");
        yield return D("code", "en.json",
            "{ \"password\": \"Password\", \"forgot_password\": \"Forgot your password?\" }\n");
        yield return D("code", "k8s.yml", "secretName: tls-shop\n");
        yield return D("code", "policy.yml", "password_min_length: 12\npassword_history: 5\n");
        yield return D("code", "schema.sql", "CREATE TABLE users (password_hash TEXT NOT NULL, session_token TEXT);\n");
        yield return D("code", "Auth.cs", "public string Password { get; set; } = string.Empty;\n");
        yield return D("code", "service.go", "func (s *Service) Token(ctx context.Context) (string, error) {\n");
        yield return D("code", "handler.rs", "let token = headers.get(\"authorization\")?;\n");
        yield return D("code", "api.md", "The `api_key` parameter takes the key from your dashboard.\n");
        yield return D("code", "auth.rb", "self.session_secret = SecureRandom.hex(64)\n");
        yield return D("code", "crypto.py", "key = Fernet.generate_key()\n");
        yield return D("code", "jwt.js", "const token = jwt.sign(payload, secret, { expiresIn: '1h' });\n");
        yield return D("code", "mapping.yml", "key: value\nsecret: false\ntoken: true\n");
        yield return D("code", "sql.cs", "cmd.Parameters.AddWithValue(\"@password\", hashed);\n");
        yield return D("code", "ssh_config", "Host shop\n  IdentityFile ~/.ssh/id_ed25519\n");
        yield return D("code", "router.ts", "router.post('/reset-password', resetPassword);\n");
        yield return D("code", "styles.css", ".password-field { color: #333; } .token-list { margin: 0; }\n");
        yield return D("code", "keys.py", "cache_key = f\"user:{user_id}:profile\"\n");
        yield return D("code", "store.js", "const sessionKey = `cart-${userId}`;\n");
        yield return D("code", "auth_config.py", "JWT_ALGORITHM = 'HS256'\nJWT_EXPIRES = 3600\n");
        yield return D("code", "settings.py",
            "PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']\n");
        yield return D("code", "Fixture.cs", "Password = \"wrong-\" + Guid.NewGuid().ToString(\"N\"),\n");
        yield return D("code", "readme.md", "Rotate the key every 90 days: `openssl rand -base64 48`.\n");
    }

    private static string GcpServiceAccount()
    {
        var key = string.Join("\\n", Enumerable.Range(0, 20).Select(_ => R(64, Base64)));
        return "{\n  \"type\": \"service_account\",\n  \"project_id\": \"shop-prod\",\n" +
            $"  \"private_key_id\": \"{R(40, Hex)}\",\n" +
            $"  \"private_key\": \"-----BEGIN PRI{"VATE KEY"}-----\\n{key}\\n-----END PRI{"VATE KEY"}-----\\n\",\n" +
            "  \"client_email\": \"deploy@shop-prod.iam.gserviceaccount.com\"\n}\n";
    }

    private static string Pem(string label, int lines)
    {
        return $"-----BEGIN {label}-----\n{Lines(lines)}\n-----END {label}-----\n";
    }

    private static string Lines(int count) => string.Join("\n", Enumerable.Range(0, count).Select(_ => R(64, Base64)));

    private static string Indent(string text) =>
        string.Concat(text.Split('\n').Where(line => line.Length > 0).Select(line => $"    {line}\n"));

    private static string Jwt(string role)
    {
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var header = Encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var payload = Encode(
            $"{{\"iss\":\"supabase\",\"ref\":\"{R(20, Lower)}\",\"role\":\"{role}\",\"iat\":1700000000}}");
        return $"{header}.{payload}.{R(43, UrlSafe)}";
    }
}
