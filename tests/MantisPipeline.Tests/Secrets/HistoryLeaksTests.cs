using System.Text;
using MantisPipeline.Findings;
using MantisPipeline.Secrets;
using Xunit.Abstractions;

namespace MantisPipeline.Tests.Secrets;

/// <summary>
/// Twenty leaks hidden in every corner of a history: a merge commit, branches, tags, stashes,
/// notes, a remote-tracking ref, a renamed, a deleted, a UTF-16, a binary and a minified file,
/// staged and uncommitted changes. Each must be reported once, where it was introduced.
/// </summary>
public sealed class HistoryLeaksTests : IClassFixture<HistoryLeaksTests.LeakyRepository>
{
    private readonly LeakyRepository _repository;

    public HistoryLeaksTests(LeakyRepository repository, ITestOutputHelper output)
    {
        _repository = repository;
        output.WriteLine(repository.Result.Summary);
        output.WriteLine(FindingsTable.Render(repository.Result.Findings));
    }

    public static TheoryData<string> Places => new(LeakyRepository.Places);

    [Theory]
    [MemberData(nameof(Places))]
    public void Each_hidden_leak_is_reported_once_where_it_was_introduced(string place)
    {
        var leak = _repository.Leaks[place];

        var finding = Assert.Single(_repository.Result.Findings, f => f.RuleId == leak.Rule && f.Path == leak.Path);

        Assert.Equal(leak.Presence, finding.Presence);
        Assert.Equal(leak.Commit, finding.Commit);
    }

    [Fact]
    public void Nothing_else_is_reported_and_the_scan_is_complete()
    {
        var result = _repository.Result;

        Assert.Equal(LeakyRepository.Places.Length, result.Findings.Count);
        Assert.False(result.IsIncomplete);
        Assert.Equal(SecretScanExitCode.SecretsFound, result.ExitCode);
        Assert.Equal(1, result.BinaryBlobs);
    }

    /// <summary>A leak as planted: its rule, where it was introduced, and where it lives now.</summary>
    public sealed record Leak(string Rule, string Path, Presence Presence, string? Commit);

    public sealed class LeakyRepository : IDisposable
    {
        public static readonly string[] Places =
        [
            "merge commit", "unmerged branch", "branch, then removed there", "annotated tag",
            "tag naming a blob", "older stash", "stash index", "stash untracked file", "renamed file",
            "UTF-16 file", "UTF-16 file without a mark", "binary", "minified line", "deleted file",
            "removed line", "notes", "remote-tracking ref", "deep history", "staged change",
            "uncommitted change",
        ];

        private readonly TempGitRepository _git = new();

        public LeakyRepository()
        {
            Plant();
            Result = SecretScanner.Create().ScanAsync(_git.Root).GetAwaiter().GetResult();
        }

        public SecretScanResult Result { get; }

        public Dictionary<string, Leak> Leaks { get; } = [];

        public void Dispose() => _git.Dispose();

        private void Plant()
        {
            _git.Write("README.md", "# Shop\n");
            _git.Write("config/app.env", $"HF_TOKEN={PlantedSecrets.HuggingFaceToken()}\n");
            Leaks["deep history"] = new("huggingface-token", "config/app.env", Presence.Deleted, _git.Commit("Start"));
            _git.Write("config/app.env", "HF_TOKEN=${HF_TOKEN}\n");
            _git.Commit("Read the token from the environment");

            PlantMerge();
            PlantBranches();
            PlantTags();
            PlantFiles();
            PlantDeletions();
            PlantRefs();
            PlantStashes();
            PlantWorkingTree();
        }

        // Neither parent holds the secret: only the merge's own tree does (a conflict resolution).
        private void PlantMerge()
        {
            _git.Git("checkout", "-q", "-b", "topic");
            _git.Write("merge/settings.yml", "retries: 3\n");
            _git.Commit("Topic settings");
            _git.Git("checkout", "-q", "main");
            _git.Write("merge/other.yml", "timeout: 5\n");
            _git.Commit("Main settings");
            _git.Git("merge", "-q", "--no-commit", "--no-ff", "topic");
            _git.Write("merge/settings.yml", $"retries: 3\ntoken: {PlantedSecrets.GitHubToken()}\n");
            var merge = _git.Commit("Merge topic");
            Leaks["merge commit"] = new("github-token", "merge/settings.yml", Presence.AtHead, merge);
        }

        private void PlantBranches()
        {
            _git.Git("checkout", "-q", "-b", "feature/payments");
            _git.Write("src/payments.js", $"stripe('{PlantedSecrets.StripeKey()}');\n");
            var payments = _git.Commit("Payments", "Mallory");
            Leaks["unmerged branch"] = new("stripe-live-key", "src/payments.js", Presence.OnlyInHistory, payments);

            _git.Git("checkout", "-q", "-b", "feature/mail", "main");
            _git.Write("src/mail.env", $"MAILGUN_API_KEY={PlantedSecrets.MailgunKey()}\n");
            var mail = _git.Commit("Mail");
            _git.Write("src/mail.env", "MAILGUN_API_KEY=${MAILGUN_API_KEY}\n");
            _git.Commit("Mail from the environment");
            Leaks["branch, then removed there"] = new("mailgun-key", "src/mail.env", Presence.OnlyInHistory, mail);
            _git.Git("checkout", "-q", "main");
        }

        private void PlantTags()
        {
            _git.Git("checkout", "-q", "--detach");
            _git.Write("hotfix.txt", $"token {PlantedSecrets.GitLabToken()}\n");
            var hotfix = _git.Commit("Hotfix");
            _git.Git("tag", "-a", "v0.1-hotfix", "-m", "Hotfix release");
            _git.Git("checkout", "-q", "main");
            Leaks["annotated tag"] = new("gitlab-token", "hotfix.txt", Presence.OnlyInHistory, hotfix);

            var npm = $"NPM_TOKEN={PlantedSecrets.NpmToken()}\n";
            var blob = _git.RunWithInput(npm, "hash-object", "-w", "--stdin").Trim();
            _git.Git("tag", "npm-token", blob);
            var name = $"(blob {blob[..7]} named by a tag)";
            Leaks["tag naming a blob"] = new("npm-token", name, Presence.OnlyInHistory, null);
        }

        private void PlantFiles()
        {
            _git.Write("config/old.env", $"NEON_API_KEY={PlantedSecrets.NeonKey()}\n");
            var neon = _git.Commit("Neon settings");
            _git.Git("mv", "config/old.env", "config/neon.env");
            _git.Commit("Rename the Neon settings");
            Leaks["renamed file"] = new("neon-api-key", "config/old.env", Presence.AtHead, neon);

            var withMark = Encoding.Unicode.GetPreamble()
                .Concat(Encoding.Unicode.GetBytes($"Notes\r\nbot {PlantedSecrets.SlackToken()}\r\n")).ToArray();
            _git.Write("docs/notes.txt", withMark);
            var withoutMark = Encoding.Unicode.GetBytes($"[hub]\r\ntoken={PlantedSecrets.DockerHubToken()}\r\n");
            _git.Write("docs/legacy.ini", withoutMark);
            var binary = new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1 }
                .Concat(Encoding.ASCII.GetBytes(PlantedSecrets.AwsAccessKeyId())).Concat(new byte[64]).ToArray();
            _git.Write("bin/tool", binary);
            var filler = string.Concat(Enumerable.Repeat("function(a,b){return a+b};", 8000));
            _git.Write("public/app.min.js", $"{filler}var k=\"{PlantedSecrets.PypiToken()}\";{filler}");
            var files = _git.Commit("Docs, tool and bundle");
            Leaks["UTF-16 file"] = new("slack-token", "docs/notes.txt", Presence.AtHead, files);
            Leaks["UTF-16 file without a mark"] = new("docker-hub-token", "docs/legacy.ini", Presence.AtHead, files);
            Leaks["binary"] = new("aws-access-key-id", "bin/tool", Presence.AtHead, files);
            Leaks["minified line"] = new("pypi-token", "public/app.min.js", Presence.AtHead, files);
        }

        private void PlantDeletions()
        {
            var password = PlantedSecrets.DatabasePassword();
            _git.Write(".env.local", $"DATABASE_URL=postgres://app:{password}@db.prod:5432/app\n");
            _git.Write("alerts.yml", $"webhook: {PlantedSecrets.SlackWebhook()}\n");
            var added = _git.Commit("Local settings and alerts", "Alice");
            File.Delete(Path.Combine(_git.Root, ".env.local"));
            _git.Write(".gitignore", ".env.local\n");
            _git.Write("alerts.yml", "webhook: ${SLACK_WEBHOOK}\n");
            _git.Commit("Stop tracking .env.local", "Bob");
            Leaks["deleted file"] = new("database-url-password", ".env.local", Presence.Deleted, added);
            Leaks["removed line"] = new("slack-webhook", "alerts.yml", Presence.Deleted, added);
        }

        private void PlantRefs()
        {
            _git.Git("notes", "add", "-m", $"mail key {PlantedSecrets.SendGridKey()}", "HEAD");
            var noted = _git.Git("rev-parse", "HEAD").Trim();
            var notes = _git.Git("rev-parse", "refs/notes/commits").Trim();
            Leaks["notes"] = new("sendgrid-key", noted, Presence.OnlyInHistory, notes);

            _git.Git("checkout", "-q", "-b", "wip");
            _git.Write("deploy/do.env", $"DO_TOKEN={PlantedSecrets.DigitalOceanToken()}\n");
            var wip = _git.Commit("Work in progress");
            _git.Git("checkout", "-q", "main");
            _git.Git("update-ref", "refs/remotes/origin/wip", wip);
            _git.Git("branch", "-q", "-D", "wip");
            Leaks["remote-tracking ref"] = new("digitalocean-token", "deploy/do.env", Presence.OnlyInHistory, wip);
        }

        private void PlantStashes()
        {
            _git.Write("README.md", $"# Shop\nkey {PlantedSecrets.OpenAiKey()}\n");
            _git.Git("stash", "-q");
            Leaks["older stash"] = new("openai-key", "README.md", Presence.OnlyInHistory, StashCommit(0, ""));

            _git.Write("README.md", $"# Shop\nkey {PlantedSecrets.AnthropicKey()}\n");
            _git.Git("add", "README.md");
            _git.Write("README.md", "# Shop\nkey in the vault\n");
            _git.Write("scratch.env", $"VAULT_TOKEN={PlantedSecrets.VaultToken()}\n");
            _git.Git("stash", "-q", "-u");
            Leaks["stash index"] = new("anthropic-key", "README.md", Presence.OnlyInHistory, StashCommit(0, "^2"));
            var untracked = StashCommit(0, "^3");
            Leaks["stash untracked file"] = new("vault-token", "scratch.env", Presence.OnlyInHistory, untracked);
        }

        private void PlantWorkingTree()
        {
            _git.Write("deploy/age.txt", $"{PlantedSecrets.AgeKey()}\n");
            _git.Git("add", "deploy/age.txt");
            Leaks["staged change"] = new("age-secret-key", "deploy/age.txt", Presence.AtHead, null);

            _git.Write("README.md", $"# Shop\nGITHUB_TOKEN={PlantedSecrets.GitHubToken()}\n");
            Leaks["uncommitted change"] = new("github-token", "README.md", Presence.AtHead, null);
        }

        private string StashCommit(int index, string parent) =>
            _git.Git("rev-parse", $"stash@{{{index}}}{parent}").Trim();
    }
}
