using System.Diagnostics;
using System.Text;

namespace MantisPipeline.Bench;

/// <summary>
/// Writes a repository of a given shape with `git fast-import`: plausible source text, one
/// file rewritten per commit, and a few planted credentials so that every scanner has work.
/// A repository once generated is kept in the cache folder and reused by later runs.
/// </summary>
internal sealed class RepositoryGenerator(RepositoryShape shape)
{
    // Source text names credentials now and then (about one line in fifteen), as real code does.
    private static readonly string[] Words =
    [
        "order", "customer", "invoice", "request", "response", "handler", "service", "client",
        "cache", "queue", "retry", "timeout", "payload", "account", "user", "config", "release",
        "deploy", "health", "metric", "value", "item", "price", "total", "count", "index",
        "buffer", "stream", "reader", "writer", "report", "product", "catalog", "basket",
        "shipment", "address", "country", "region", "currency", "amount", "balance", "ledger",
        "entry", "record", "result", "status", "message", "event", "channel", "topic",
        "schema", "table", "column", "field", "filter", "sorter", "page", "limit", "offset",
        "window", "layout", "style", "theme", "color", "image", "label", "title", "button",
        "token", "session", "password", "secret", "key",
    ];

    private static readonly string[] Extensions = [".cs", ".ts", ".js", ".json", ".md", ".yml", ".py", ".go"];

    private readonly Random _random = new(shape.Seed);
    private readonly List<string> _paths = [];
    private readonly Dictionary<string, string> _contents = [];

    public string Generate(string cacheFolder)
    {
        var root = Path.Combine(cacheFolder, $"{shape.Name}-{shape.Commits}x{shape.InitialFiles}-v3");
        var marker = Path.Combine(root, ".git", "mantis-bench-complete");
        if (File.Exists(marker))
        {
            return root;
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        Git(root, null, "init", "-q", "-b", "main");
        var stopwatch = Stopwatch.StartNew();
        Git(root, WriteStream, "fast-import", "--quiet");
        Git(root, null, "checkout", "-q", "-f", "main");
        File.WriteAllText(marker, "");
        Console.WriteLine($"Generated '{root}' in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        return root;
    }

    private void WriteStream(Stream input)
    {
        using var writer = new StreamWriter(input, new UTF8Encoding(false), 1 << 20, leaveOpen: true);
        for (var commit = 0; commit < shape.Commits; commit++)
        {
            var time = 1_600_000_000 + (commit * 3600);
            writer.Write($"commit refs/heads/main\nauthor Dev <dev@example.invalid> {time} +0000\n");
            writer.Write($"committer Dev <dev@example.invalid> {time} +0000\n");
            Data(writer, $"Change {commit}");
            foreach (var (path, text) in Changes(commit))
            {
                writer.Write($"M 100644 inline {path}\n");
                Data(writer, text);
            }

            writer.Write('\n');
        }
    }

    private IEnumerable<(string Path, string Text)> Changes(int commit)
    {
        if (commit == 0)
        {
            for (var file = 0; file < shape.InitialFiles; file++)
            {
                var path = $"src/m{file % 97}/f{file}{Extensions[file % Extensions.Length]}";
                _paths.Add(path);
                _contents[path] = Lines(shape.FileBytes, file);
                yield return (path, _contents[path]);
            }

            yield return ("config/settings.env", Planted.Settings());
            yield break;
        }

        var changed = _paths[_random.Next(_paths.Count)];
        _contents[changed] = Edit(_contents[changed], commit);
        yield return (changed, _contents[changed]);
        if (commit % 1000 == 500)
        {
            yield return ($"deploy/keys-{commit}.env", Planted.Keys());
        }
    }

    private string Edit(string text, int commit)
    {
        var start = _random.Next(Math.Max(1, text.Length - 600));
        var lineStart = text.LastIndexOf('\n', start) + 1;
        var lineEnd = text.IndexOf('\n', Math.Min(text.Length - 1, start + 400));
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        return text[..lineStart] + Lines(lineEnd - lineStart, commit).TrimEnd('\n') + text[lineEnd..];
    }

    private string Lines(int bytes, int salt)
    {
        var text = new StringBuilder(bytes + 100);
        while (text.Length < bytes)
        {
            var a = Word();
            var b = Word();
            var line = _random.Next(6) switch
            {
                0 => $"    var {a}{Title(b)} = await {b}Service.Get{Title(a)}Async({a}Id, ct);",
                1 => $"    if ({a}.{Title(b)} > {_random.Next(1000)}) {{ return {b}; }}",
                2 => $"  \"{a}_{b}\": \"{Word()} {Word()} {salt}\",",
                3 => $"// The {a} keeps its {b} until the {Word()} is released.",
                4 => $"{a}_{b}_limit: {_random.Next(100)}",
                _ => $"    {a}.{Title(b)}({Word()}, {_random.Next(60)}, \"{Word()}\");",
            };
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private string Word() => Words[_random.Next(Words.Length)];

    private static string Title(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static void Data(StreamWriter writer, string text)
    {
        writer.Write($"data {Encoding.UTF8.GetByteCount(text)}\n");
        writer.Write(text);
        writer.Write('\n');
    }

    private static void Git(string root, Action<Stream>? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        input?.Invoke(process.StandardInput.BaseStream);
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} exited {process.ExitCode}.");
        }
    }
}
