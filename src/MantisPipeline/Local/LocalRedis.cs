using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MantisPipeline.Engine.Logging;
using StackExchange.Redis;

namespace MantisPipeline.Local;

/// <summary>A Redis 7 server on 127.0.0.1 with a password and files in a state folder.</summary>
public sealed class LocalRedis
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(10);

    private readonly string _password;

    private LocalRedis(string stateDirectory, string password, int port)
    {
        StateDirectory = stateDirectory;
        _password = password;
        Port = port;
    }

    public int Port { get; }

    public string StateDirectory { get; }

    public string Url => $"redis://:{_password}@127.0.0.1:{Port}";

    /// <summary>The StackExchange.Redis configuration for this server.</summary>
    public string ConfigurationString => $"127.0.0.1:{Port},password={_password}";

    private string Folder => Path.Combine(StateDirectory, "redis");

    private string ConfigFile => Path.Combine(Folder, "redis.conf");

    private string LogFile => Path.Combine(Folder, "redis.log");

    /// <summary>Starts the server unless one with this password already answers on the port.</summary>
    public static async Task<LocalRedis> StartAsync(string stateDir, int port, CancellationToken ct)
    {
        LoopbackPort.EnsureValid(port, "Redis");
        var stateDirectory = Path.GetFullPath(stateDir);
        Directory.CreateDirectory(stateDirectory);

        var passwordFile = Path.Combine(stateDirectory, "redis.password");
        var password = await StateSecret.LoadOrCreateAsync(passwordFile, ct);
        var server = new LocalRedis(stateDirectory, password, port);

        await server.BringUpAsync(ct);
        return server;
    }

    /// <summary>Shuts the server down; Redis keeps nothing on disk here, so its data goes.</summary>
    public async Task StopAsync()
    {
        if (!await AnswersAsync())
        {
            return;
        }

        Log.Information($"Stopping local Redis on 127.0.0.1:{Port}");
        var options = Options();
        options.AllowAdmin = true;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        try
        {
            await connection.GetDatabase().ExecuteAsync("SHUTDOWN", "NOSAVE");
        }
        catch (RedisConnectionException)
        {
            // The server closes the connection as it exits, which is the expected answer.
        }

        await WaitUntilAsync(() => Task.FromResult(!LoopbackPort.IsTaken(Port)), "stop");
    }

    private async Task BringUpAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();

        if (await AnswersAsync())
        {
            Log.Information($"Reusing local Redis on 127.0.0.1:{Port}");
        }
        else if (LoopbackPort.IsTaken(Port))
        {
            throw LoopbackPort.TakenError(Port, "Redis");
        }
        else
        {
            await LaunchAsync(ct);
        }

        Log.Information($"Redis ready on 127.0.0.1:{Port} in {clock.ElapsedMilliseconds} ms");
    }

    private async Task LaunchAsync(CancellationToken ct)
    {
        var shown = StateFolder.Shown(StateDirectory);
        Log.Information($"Starting Redis 7 for local on 127.0.0.1:{Port} (state in {shown})");
        Directory.CreateDirectory(Folder);
        await WriteConfigAsync(ct);

        var result = await ServiceCommand.RunAsync("redis-server", [ConfigFile], ct);
        if (result.ExitCode != 0)
        {
            throw new PipelineException(
                $"Redis did not start on 127.0.0.1:{Port}: {result.Output} (log: {LogFile}).");
        }

        await WaitUntilAsync(AnswersAsync, "start");
    }

    // A config file rather than arguments keeps the password out of the process list.
    private async Task WriteConfigAsync(CancellationToken ct)
    {
        var settings = $"""
            port {Port}
            bind 127.0.0.1
            requirepass {_password}
            save ""
            appendonly no
            daemonize yes
            dir "{Folder}"
            pidfile "{Path.Combine(Folder, "redis.pid")}"
            logfile "{LogFile}"

            """;
        await OwnerOnlyFile.WriteAsync(ConfigFile, settings, ct);
    }

    /// <summary>True when a Redis on the port accepts our password and answers PING.</summary>
    private async Task<bool> AnswersAsync()
    {
        if (!await AcceptsTcpAsync())
        {
            return false;
        }

        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(Options());
            await connection.GetDatabase().PingAsync();
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }

    private async Task<bool> AcceptsTcpAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private ConfigurationOptions Options() => new()
    {
        EndPoints = { { IPAddress.Loopback, Port } },
        Password = _password,
        AbortOnConnectFail = true,
        ConnectTimeout = 1000,
        ConnectRetry = 1,
    };

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > ReadyTimeout)
            {
                throw new PipelineException(
                    $"Redis on 127.0.0.1:{Port} did not {what} within " +
                    $"{ReadyTimeout.TotalSeconds:0} s. Look at its log in {LogFile}.");
            }

            await Task.Delay(25);
        }
    }
}
