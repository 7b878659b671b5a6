using System.Diagnostics;
using MantisPipeline.Local;

namespace MantisPipeline.Tests.Fixtures;

/// <summary>
/// A real local registry (Debian's docker-registry, distribution 2.8) on a free loopback
/// port, storing into a temp folder; both go away on dispose. With basic auth it admits
/// only <see cref="Username"/> with <see cref="Password"/>.
/// </summary>
public sealed class RegistryFixture(bool basicAuth = false) : IAsyncLifetime
{
    public const string Username = "mantis";
    public const string Password = "mantis-registry-pass"; // mantis:allow-secret: test-only, hashed below

    private const string Binary = "/usr/bin/docker-registry";

    // bcrypt of Password at cost 4: the registry checks it on every request, so keep it cheap.
    private const string PasswordHash = "$2b$04$LV1UEiHrUTNgTWybtlmy8eE4fFMWTagLjqu6p/AE44YhprfjTLbcW";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mantis-registry-");
    private Process? _process;

    public int Port { get; } = LoopbackPort.PickFree();

    public string Address => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        var config = Path.Combine(_root.FullName, "config.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            storage:
              filesystem:
                rootdirectory: {Path.Combine(_root.FullName, "data")}
            http:
              addr: {Address}

            """ + (basicAuth ? AuthSection() : ""));

        var start = new ProcessStartInfo(Binary, ["serve", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start)
            ?? throw new InvalidOperationException($"{Binary} did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        await DockerFixture.WaitUntilAsync(
            async () => await AnswersAsync(http),
            TimeSpan.FromSeconds(10),
            $"the registry at {Address} to answer");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _root.Delete(recursive: true);
    }

    private string AuthSection()
    {
        var users = Path.Combine(_root.FullName, "htpasswd");
        File.WriteAllText(users, $"{Username}:{PasswordHash}\n");
        return $"""
            auth:
              htpasswd:
                realm: mantis-test
                path: {users}

            """;
    }

    private async Task<bool> AnswersAsync(HttpClient http)
    {
        if (_process!.HasExited)
        {
            throw new InvalidOperationException($"{Binary} exited with code {_process.ExitCode}.");
        }

        try
        {
            using var response = await http.GetAsync($"http://{Address}/v2/");
            return response.IsSuccessStatusCode
                || response.StatusCode == System.Net.HttpStatusCode.Unauthorized;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
