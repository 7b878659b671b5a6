namespace MantisPipeline.Audit.Repository;

/// <summary>File names that hold credentials by nature: env files, key files, tool configs.</summary>
internal static class SensitivePaths
{
    private static readonly HashSet<string> KeyFileNames =
    [
        "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".git-credentials", ".netrc", ".pgpass",
        ".htpasswd", "credentials",
    ];

    private static readonly HashSet<string> KeyFileExtensions =
    [
        ".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".ppk",
    ];

    private static readonly HashSet<string> ToolConfigNames =
    [
        ".npmrc", ".yarnrc.yml", ".pypirc", ".mcp.json", "mcp.json", ".s3cfg", ".boto",
        "terraform.tfvars", ".dockercfg", "settings.local.json",
    ];

    private static readonly string[] ToolConfigDirectories =
    [
        ".vscode/", ".cursor/", ".claude/", ".continue/", ".idea/", ".docker/", ".aws/",
        ".codex/", ".gemini/", ".windsurf/",
    ];

    /// <summary>.env, .env.local and .env.*.local: by their names, never meant to be shared.</summary>
    public static bool IsPrivateEnvFile(string name) =>
        name == ".env" || name == ".env.local"
        || (name.StartsWith(".env.", StringComparison.Ordinal)
            && name.EndsWith(".local", StringComparison.Ordinal));

    public static bool IsEnvFile(string name) =>
        name.StartsWith(".env", StringComparison.Ordinal) && !FileKinds.IsTemplate(name);

    public static bool IsKeyFile(string name) =>
        KeyFileNames.Contains(name) || KeyFileExtensions.Contains(Path.GetExtension(name));

    public static bool IsToolConfig(string path)
    {
        var name = Path.GetFileName(path);
        var slashed = "/" + path;
        return ToolConfigNames.Contains(name)
            || ToolConfigDirectories.Any(d => slashed.Contains("/" + d, StringComparison.Ordinal));
    }

    /// <summary>Paths whose content is worth reading even after they left the index.</summary>
    public static bool IsCandidate(string path)
    {
        var name = Path.GetFileName(path);
        return IsEnvFile(name) || IsKeyFile(name) || IsToolConfig(path);
    }
}
