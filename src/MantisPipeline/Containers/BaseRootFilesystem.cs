using System.Formats.Tar;

namespace MantisPipeline.Containers;

/// <summary>
/// The root filesystem of the local base image, gathered from this host: busybox, the .NET
/// host and shared frameworks, the native libraries they load, OpenSSL and the CA bundle.
/// </summary>
internal sealed class BaseRootFilesystem
{
    public const string DotnetRoot = "/usr/share/dotnet";

    private const string Busybox = "/bin/busybox";
    private const string CaBundle = "/etc/ssl/certs/ca-certificates.crt";

    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite
        | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite
        | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode SharedTemp = UnixFileMode.StickyBit | UnixFileMode.UserRead
        | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
        | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead
        | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    // Enough of a shell to debug a release and to serve files in tests; busybox holds more.
    private static readonly string[] Applets =
    [
        "sh", "ls", "cat", "echo", "env", "sleep", "ps", "kill", "mkdir", "rm", "cp", "mv",
        "ln", "chmod", "grep", "sed", "head", "tail", "wget", "nc", "httpd", "id", "pwd",
        "true", "false", "test", "date", "hostname", "uname",
    ];

    private const string Passwd =
        "root:x:0:0:root:/root:/bin/sh\n"
        + "app:x:1654:1654:app:/app:/bin/sh\n"
        + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";

    private const string Group = "root:x:0:\napp:x:1654:\nnogroup:x:65534:\n";

    // Host files keyed by their path inside the image, without the leading slash.
    private readonly SortedDictionary<string, string> _hostFiles = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _folders = new(StringComparer.Ordinal);

    private BaseRootFilesystem(HostRuntime runtime)
    {
        Runtime = runtime;
    }

    public HostRuntime Runtime { get; }

    public int FileCount => _hostFiles.Count;

    public long ByteCount => _hostFiles.Values.Sum(path => new FileInfo(path).Length);

    public static async Task<BaseRootFilesystem> GatherAsync(HostRuntime runtime, CancellationToken ct)
    {
        if (!File.Exists(Busybox))
        {
            throw new PipelineException(
                $"Building the local base image needs busybox at '{Busybox}' for the image's "
                + "shell, and it is missing. Install it (Debian: `apt-get install busybox-static`).");
        }

        var root = new BaseRootFilesystem(runtime);
        root.AddHostFile(Busybox, Busybox);
        root.AddHostFile(CaBundle, CaBundle);
        root.AddDotnet();

        var natives = root._hostFiles.Values.Where(IsNative).ToList();
        natives.AddRange([runtime.Host, Busybox]);
        var libraries = await SharedLibraries.ResolveAsync(natives, ct);
        root.AddLibraries(libraries);

        // The runtime opens OpenSSL, and GSSAPI when the host has it, by name at run time, so
        // ldd cannot see them: add them by hand. Without GSSAPI an app logs an error at start.
        var openedByName = OpenSslLibraries(libraries).Concat(OptionalLibraries(libraries)).ToList();
        root.AddLibraries(openedByName);
        root.AddLibraries(await SharedLibraries.ResolveAsync(openedByName, ct));

        return root;
    }

    public async Task WriteAsync(TarWriter tar, CancellationToken ct)
    {
        foreach (var folder in _folders)
        {
            await WriteFolderAsync(tar, folder, Executable, ct);
        }

        await WriteFolderAsync(tar, "tmp", SharedTemp, ct);
        await WriteFolderAsync(tar, "app", Executable, ct);
        await WriteTextAsync(tar, "etc/passwd", Passwd, ct);
        await WriteTextAsync(tar, "etc/group", Group, ct);

        foreach (var (name, source) in _hostFiles)
        {
            await WriteHostFileAsync(tar, name, source, ct);
        }

        foreach (var applet in Applets)
        {
            var link = new PaxTarEntry(TarEntryType.SymbolicLink, $"bin/{applet}")
            {
                LinkName = "busybox",
            };
            await tar.WriteEntryAsync(link, ct);
        }
    }

    private void AddDotnet()
    {
        AddHostFile($"{DotnetRoot}/dotnet", Runtime.Host);
        AddHostFolder(Runtime.HostFxrFolder);
        AddHostFolder(Runtime.NetCoreFolder);
        AddHostFolder(Runtime.AspNetCoreFolder);
    }

    private void AddHostFolder(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Runtime.Root, file).Replace('\\', '/');
            AddHostFile($"{DotnetRoot}/{relative}", file);
        }
    }

    private void AddHostFile(string imagePath, string hostPath)
    {
        var name = imagePath.TrimStart('/');
        _hostFiles[name] = hostPath;

        for (var folder = Path.GetDirectoryName(name); !string.IsNullOrEmpty(folder);
             folder = Path.GetDirectoryName(folder))
        {
            _folders.Add(folder);
        }
    }

    private void AddLibraries(IEnumerable<string> libraries)
    {
        foreach (var library in libraries)
        {
            if (!library.StartsWith(Runtime.Root + "/", StringComparison.Ordinal))
            {
                AddHostFile(library, library);
            }
        }
    }

    private static IEnumerable<string> OptionalLibraries(IReadOnlyList<string> libraries) =>
        LibraryFolders(libraries)
            .Select(folder => Path.Combine(folder, "libgssapi_krb5.so.2"))
            .Where(File.Exists)
            .Take(1);

    // The C library's folder, and its /usr twin on a split /usr layout.
    private static string[] LibraryFolders(IReadOnlyList<string> libraries)
    {
        var libc = libraries.FirstOrDefault(l => Path.GetFileName(l) == "libc.so.6")
            ?? "/usr/lib/libc.so.6";
        var folder = Path.GetDirectoryName(libc)!;
        return folder.StartsWith("/usr/", StringComparison.Ordinal)
            ? [folder]
            : [folder, "/usr" + folder];
    }

    private static IReadOnlyList<string> OpenSslLibraries(IReadOnlyList<string> libraries)
    {
        var folders = LibraryFolders(libraries);
        var found = new List<string>();

        foreach (var name in new[] { "libssl.so.3", "libcrypto.so.3" })
        {
            found.Add(folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists)
                ?? throw new PipelineException(
                    $"Building the local base image needs OpenSSL 3 ('{name}') from this host, "
                    + $"and it is not in {string.Join(" or ", folders)}. Install it (Debian: "
                    + "`apt-get install libssl3`)."));
        }

        return found;
    }

    private static bool IsNative(string path) =>
        path.EndsWith(".so", StringComparison.Ordinal)
        || path.Contains(".so.", StringComparison.Ordinal);

    private static async Task WriteFolderAsync(
        TarWriter tar, string name, UnixFileMode mode, CancellationToken ct)
    {
        var entry = new PaxTarEntry(TarEntryType.Directory, name + "/") { Mode = mode };
        await tar.WriteEntryAsync(entry, ct);
    }

    private static async Task WriteTextAsync(
        TarWriter tar, string name, string text, CancellationToken ct)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = Readable,
            DataStream = content,
        };
        await tar.WriteEntryAsync(entry, ct);
    }

    private static async Task WriteHostFileAsync(
        TarWriter tar, string name, string source, CancellationToken ct)
    {
        // Library paths are often symbolic links (ld-linux, merged /lib); the image gets the file.
        var real = File.ResolveLinkTarget(source, returnFinalTarget: true)?.FullName ?? source;
        await using var content = File.OpenRead(real);
        var mode = OperatingSystem.IsWindows()
            ? Executable
            : File.GetUnixFileMode(real) & (Executable | UnixFileMode.UserWrite);
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = mode,
            ModificationTime = File.GetLastWriteTimeUtc(real),
            DataStream = content,
        };
        await tar.WriteEntryAsync(entry, ct);
    }
}
