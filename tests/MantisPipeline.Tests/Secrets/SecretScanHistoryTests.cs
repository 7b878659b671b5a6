using System.Text;
using MantisPipeline.Findings;
using MantisPipeline.Secrets;

namespace MantisPipeline.Tests.Secrets;

/// <summary>
/// One repository with secrets planted everywhere history can hide them, and decoys that
/// must not be reported; the scan is run once and each test reads one aspect of the result.
/// </summary>
public sealed class SecretScanHistoryTests : IClassFixture<SecretScanHistoryTests.PlantedRepository>
{
    private readonly PlantedRepository _planted;

    public SecretScanHistoryTests(PlantedRepository planted)
    {
        _planted = planted;
    }

    [Fact]
    public void Reports_each_planted_secret_once_and_no_decoy()
    {
        var reported = _planted.Result.Findings.Select(f => $"{f.RuleId} {f.Path}").Order().ToList();

        string[] expected =
        [
            "anthropic-key README.md",
            "database-url-password .env.local",
            "github-token README.md",
            "github-token docs/notes.txt",
            "gitlab-token hotfix.txt",
            "openai-key README.md",
            "sendgrid-key " + _planted.NotePath,
            "slack-token public/app.min.js",
            "stripe-live-key src/payments.js",
            "weak-secret .env.local",
        ];
        Assert.Equal(expected.Order().ToList(), reported);
    }

    [Fact]
    public void A_secret_in_a_deleted_file_is_reported_with_the_commit_that_introduced_it()
    {
        var url = Single("database-url-password");

        Assert.Equal(Presence.Deleted, url.Presence);
        Assert.Equal(_planted.FirstCommit, url.Commit);
        Assert.Equal("Alice", url.Author);
        Assert.Equal(2, url.Line);
        Assert.Equal(2, url.Occurrences);
        Assert.StartsWith("postgres://app:", url.Evidence);
    }

    [Fact]
    public void A_readable_jwt_secret_is_reported_as_weak_with_its_reason()
    {
        var weak = Single("weak-secret");

        Assert.Equal(Presence.Deleted, weak.Presence);
        Assert.Equal("made of 6 dictionary-like words joined by '_'", weak.Detail);
        Assert.Equal("JWT_SECRET=acme****", weak.Evidence);
    }

    [Fact]
    public void Secrets_only_on_a_branch_a_tag_stashes_or_notes_are_history_only()
    {
        var stripe = Single("stripe-live-key");
        Assert.Equal(Presence.OnlyInHistory, stripe.Presence);
        Assert.Equal(_planted.BranchCommit, stripe.Commit);
        Assert.Equal("Mallory", stripe.Author);

        Assert.Equal(_planted.TagCommit, Single("gitlab-token").Commit);
        Assert.All(
            new[] { "gitlab-token", "openai-key", "anthropic-key", "sendgrid-key" },
            rule => Assert.Equal(Presence.OnlyInHistory, Single(rule).Presence));
    }

    [Fact]
    public void Secrets_at_head_in_utf16_minified_and_uncommitted_files_are_at_head()
    {
        var utf16 = _planted.Result.Findings.Single(f => f.Path == "docs/notes.txt");
        var minified = Single("slack-token");
        var uncommitted = _planted.Result.Findings.Single(f => f.RuleId == "github-token" && f.Path == "README.md");

        Assert.Equal(Presence.AtHead, utf16.Presence);
        Assert.Equal(3, utf16.Line);
        Assert.Equal(Presence.AtHead, minified.Presence);
        Assert.Equal(1, minified.Line);
        Assert.Equal(Presence.AtHead, uncommitted.Presence);
        Assert.Null(uncommitted.Commit);
    }

    [Fact]
    public void Counts_every_commit_and_unique_blob_once_and_skips_binaries()
    {
        var result = _planted.Result;

        Assert.Equal(_planted.ExpectedCommits, result.Commits);
        Assert.Equal(_planted.ExpectedBlobs + 1, result.UniqueBlobs);
        Assert.Equal(1, result.BinaryBlobs);
        Assert.False(result.IsIncomplete);
        Assert.False(result.Passed);
        var summary = @"^Scanned \d+ commits, \d+ unique blobs \(\d+\.\d MiB; 1 binary\) in \d+\.\d s: 10 findings$";
        Assert.Matches(summary, result.Summary);
    }

    [Fact]
    public void Evidence_shows_at_most_four_characters_of_a_secret()
    {
        foreach (var finding in _planted.Result.Findings)
        {
            Assert.EndsWith("****", finding.Evidence);
            foreach (var secret in _planted.Secrets)
            {
                Assert.DoesNotContain(secret[..5], finding.Evidence);
            }
        }
    }

    private Finding Single(string ruleId) => _planted.Result.Findings.Single(f => f.RuleId == ruleId);

    public sealed class PlantedRepository : IDisposable
    {
        private readonly TempGitRepository _repository = new();

        public PlantedRepository()
        {
            Plant();
            Result = SecretScanner.Create().ScanAsync(_repository.Root).GetAwaiter().GetResult();
        }

        public SecretScanResult Result { get; }

        public List<string> Secrets { get; } = [];

        public string FirstCommit { get; private set; } = "";

        public string BranchCommit { get; private set; } = "";

        public string TagCommit { get; private set; } = "";

        public string NotePath { get; private set; } = "";

        public int ExpectedCommits { get; private set; }

        public int ExpectedBlobs { get; private set; }

        public void Dispose() => _repository.Dispose();

        private string Keep(string secret)
        {
            Secrets.Add(secret);
            return secret;
        }

        private void Plant()
        {
            var repo = _repository;
            var password = Keep(PlantedSecrets.DatabasePassword());
            var jwt = Keep(PlantedSecrets.ReadableJwtSecret());
            repo.Write("README.md", "# Demo\n");
            repo.Write(".env.local", $"PORT=8080\nDATABASE_URL=postgres://app:{password}@db.internal:5432/app\n" +
                $"JWT_SECRET={jwt}\n");
            repo.Write("assets/logo.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A]);
            PlantDecoys();
            FirstCommit = repo.Commit("Add the app", "Alice");

            repo.Write(".env.local", $"PORT=8081\nDATABASE_URL=postgres://app:{password}@db.internal:5432/app\n");
            repo.Commit("Change the port", "Alice");
            File.Delete(Path.Combine(repo.Root, ".env.local"));
            repo.Write(".gitignore", ".env.local\n");
            repo.Commit("Stop tracking .env.local", "Bob");

            PlantBranch();
            PlantTag();
            PlantHead();
            PlantStashes();
            PlantNote();
            Expect();
            repo.Write("README.md", $"# Demo\nGITHUB_TOKEN={Keep(PlantedSecrets.GitHubToken())}\n");
        }

        private void PlantDecoys()
        {
            var repo = _repository;
            var example = "AKIA" + "IOSFODNN7" + "EXAMPLE";
            repo.Write("config/decoys.env", string.Join("\n",
                "OPENAI_API_KEY=REPLACE_WITH_YOUR_KEY",
                "STRIPE_KEY=<your-key>",
                "DB_PASSWORD=${DB_PASSWORD}",
                "API_TOKEN=$API_TOKEN",
                "SESSION_SECRET=%SESSION_SECRET%",
                "DATABASE_URL=postgres://postgres:postgres@localhost:5432/app",
                "REDIS_URL=redis://:password@127.0.0.1:6379",
                $"TEST_REDIS_URL=redis://:{PlantedSecrets.Random(20)}@[::1]:6380/0",
                $"AWS_ACCESS_KEY_ID={example}",
                $"REQUEST_TOKEN={Guid.NewGuid()}",
                "deploy_token: ${{ secrets.DEPLOY_TOKEN }}",
                "var apiKey = Environment.GetEnvironmentVariable(\"API_KEY\");",
                "const secret = process.env.JWT_SECRET;",
                ""));
            repo.Write(".env.example", "JWT_SECRET=changeme\nDB_PASSWORD=example-password\n");
            repo.Write("package-lock.json", "{ \"integrity\": \"sha512-" + PlantedSecrets.Random(86) + "==\",\n" +
                "  \"token\": \"" + PlantedSecrets.Random(40) + "\" }\n");
        }

        private void PlantBranch()
        {
            var repo = _repository;
            repo.Git("checkout", "-q", "-b", "feature/payments");
            repo.Write("src/payments.js", $"const stripe = require('stripe')('{Keep(PlantedSecrets.StripeKey())}');\n");
            BranchCommit = repo.Commit("Add payments", "Mallory");
            repo.Git("checkout", "-q", "main");
        }

        private void PlantTag()
        {
            var repo = _repository;
            repo.Git("checkout", "-q", "--detach");
            repo.Write("hotfix.txt", $"token {Keep(PlantedSecrets.GitLabToken())}\n");
            TagCommit = repo.Commit("Hotfix");
            repo.Git("tag", "-a", "v0.1-hotfix", "-m", "Hotfix release");
            repo.Git("checkout", "-q", "main");
        }

        private void PlantHead()
        {
            var repo = _repository;
            var utf16 = Encoding.Unicode.GetPreamble()
                .Concat(Encoding.Unicode.GetBytes($"Notes\r\n\r\nbot token {Keep(PlantedSecrets.GitHubToken())}\r\n"))
                .ToArray();
            repo.Write("docs/notes.txt", utf16);

            var filler = string.Concat(Enumerable.Repeat("function(a,b){return a+b};", 4000));
            repo.Write("public/app.min.js", $"{filler}var t=\"{Keep(PlantedSecrets.SlackToken())}\";{filler}");
            repo.Commit("Add notes and the bundle");
        }

        private void PlantStashes()
        {
            var repo = _repository;
            repo.Write("README.md", $"# Demo\nkey {Keep(PlantedSecrets.OpenAiKey())}\n");
            repo.Git("stash", "-q");
            repo.Write("README.md", $"# Demo\nkey {Keep(PlantedSecrets.AnthropicKey())}\n");
            repo.Git("stash", "-q");
        }

        private void PlantNote()
        {
            var repo = _repository;
            repo.Git("notes", "add", "-m", $"mail key {Keep(PlantedSecrets.SendGridKey())}", "HEAD");
            NotePath = repo.Git("rev-parse", "HEAD").Trim();
        }

        // The oracle is git itself: every object reachable from every ref and every stash.
        private void Expect()
        {
            var repo = _repository;
            var stashes = repo.Git("stash", "list", "--format=%H").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            string[] revisions = ["--all", .. stashes];
            var commits = repo.Git(["rev-list", .. revisions]);
            ExpectedCommits = commits.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

            var objects = repo.Git(["rev-list", "--objects", "--no-object-names", .. revisions]);
            var types = repo.RunWithInput(objects, "cat-file", "--batch-check=%(objecttype)");
            ExpectedBlobs = types.Split('\n').Count(type => type == "blob");
        }
    }
}
