namespace MantisPipeline.Audit.Repository;

public enum FileKind
{
    Other,
    Code,
    Script,
    Compose,
    Env,
    Config,
    Sql,
    Docs,
}

/// <summary>Tells code from configuration, scripts and docs by a file's name.</summary>
internal static class FileKinds
{
    private static readonly HashSet<string> CodeExtensions =
    [
        ".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".mts", ".cts", ".cs", ".py", ".go",
        ".rb", ".java", ".kt", ".php", ".rs", ".vue", ".svelte", ".astro",
    ];

    private static readonly HashSet<string> ScriptExtensions = [".sh", ".bash", ".zsh", ".ps1"];

    private static readonly HashSet<string> ConfigExtensions =
    [
        ".yml", ".yaml", ".json", ".toml", ".ini", ".conf", ".properties", ".config", ".cfg",
    ];

    private static readonly HashSet<string> DocsExtensions = [".md", ".txt", ".rst", ".adoc"];

    public static FileKind Of(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        var extension = Path.GetExtension(name);

        if (name.StartsWith(".env", StringComparison.Ordinal) || extension == ".env")
        {
            return FileKind.Env;
        }

        if (IsCompose(name))
        {
            return FileKind.Compose;
        }

        if (ScriptExtensions.Contains(extension) || name is "dockerfile" or "makefile"
            || name.StartsWith("dockerfile.", StringComparison.Ordinal))
        {
            return FileKind.Script;
        }

        return extension switch
        {
            _ when CodeExtensions.Contains(extension) => FileKind.Code,
            _ when ConfigExtensions.Contains(extension) => FileKind.Config,
            _ when DocsExtensions.Contains(extension) => FileKind.Docs,
            ".sql" => FileKind.Sql,
            _ => FileKind.Other,
        };
    }

    /// <summary>Example files hold placeholders by design, so secrets in them are not judged.</summary>
    public static bool IsTemplate(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        string[] markers = ["example", "sample", "template", ".dist"];
        return markers.Any(m => name.Contains(m, StringComparison.Ordinal));
    }

    public static bool IsTest(string path)
    {
        var segments = path.ToLowerInvariant().Split('/');
        var directories = segments[..^1];
        var name = segments[^1];
        string[] testDirectories =
            ["test", "tests", "__tests__", "spec", "e2e", "fixtures", "__mocks__", "bench", "benchmarks"];

        return directories.Any(d => testDirectories.Contains(d) || d.EndsWith(".tests", StringComparison.Ordinal))
            || name.Contains(".test.", StringComparison.Ordinal) || name.Contains(".spec.", StringComparison.Ordinal)
            || name.EndsWith("tests.cs", StringComparison.Ordinal)
            || name.StartsWith("test_", StringComparison.Ordinal);
    }

    private static bool IsCompose(string name) =>
        (name.StartsWith("docker-compose", StringComparison.Ordinal)
            || name.StartsWith("compose", StringComparison.Ordinal))
        && (name.EndsWith(".yml", StringComparison.Ordinal)
            || name.EndsWith(".yaml", StringComparison.Ordinal));
}
