using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace FacePortal.TestSupport.Engines;

/// <summary>
/// A private redis-server for tests: 127.0.0.1 on a free port, no persistence (no RDB, no AOF),
/// working directory in a temp directory. Disposal kills it and deletes the directory.
/// </summary>
/// <example>
/// <code>
/// await using var redis = await RedisServer.StartAsync(ct);
/// environment["FacePortal__Redis__Configuration"] = redis.Configuration;   // "127.0.0.1:PORT"
/// </code>
/// </example>
/// <remarks>Needs Debian's <c>redis-server</c> package (scripts/setup.sh --for-tests installs it).</remarks>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log = new();

    private RedisServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string for this server: <c>127.0.0.1:PORT</c>.</summary>
    public string Configuration => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>What redis-server printed, for failure messages.</summary>
    public string Log => ProcessRunner.Read(_log);

    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken)
    {
        var program = new[] { "/usr/bin/redis-server", "/usr/sbin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: run scripts/setup.sh --for-tests, or apt-get install redis-server.");
        for (var attempt = 1; ; attempt++)
        {
            var directory = Directory.CreateTempSubdirectory("faceportal-redis-").FullName;
            var port = ProcessRunner.FreePort();
            var start = EngineProcess.StartInfo(program,
                ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--protected-mode", "yes",
                 "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no", "--loglevel", "warning"], user: null);
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
            var server = new RedisServer(process, directory, port);
            ProcessRunner.Capture(process, server._log);
            try
            {
                await server.WaitUntilAnsweringAsync(cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Most likely the port was taken meanwhile: another one.
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Sends one command (RESP) and returns its reply as text: status and error replies as sent
    /// (<c>+PONG</c>, <c>-ERR ...</c>), bulk strings as their value, arrays as their elements, one a line.
    /// </summary>
    public async Task<string> CommandAsync(IReadOnlyList<string> command, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
        await using var stream = client.GetStream();
        var request = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{command.Count}\r\n");
        foreach (var part in command)
        {
            request.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await ReadReplyAsync(reader, cancellationToken);
    }

    private static async Task<string> ReadReplyAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var line = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("redis-server closed the connection.");
        switch (line[0])
        {
            case '$':
                return line == "$-1" ? "" : await reader.ReadLineAsync(cancellationToken) ?? "";
            case '*':
                var count = int.Parse(line.AsSpan(1), CultureInfo.InvariantCulture);
                var items = new List<string>();
                for (var i = 0; i < count; i++)
                {
                    items.Add(await ReadReplyAsync(reader, cancellationToken));
                }

                return string.Join('\n', items);
            default:
                return line;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        EngineProcess.DeleteQuietly(_directory);
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode}:\n{Log}");
            }

            try
            {
                if (await CommandAsync(["PING"], cancellationToken) == "+PONG")
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            catch (IOException)
            {
                // Same.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"redis-server did not answer PING within 30 s:\n{Log}");
    }
}
