using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using FacePortal.TestSupport;
using FacePortal.TestSupport.Engines;

namespace FacePortal.ScaleOut.Tests.WebNodes;

/// <summary>
/// A private redis-server (as <see cref="RedisServer"/> runs it) that can be stopped and started
/// again on the same port, so the nodes' configuration stays valid across an outage.
/// </summary>
public sealed class RestartableRedis : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("faceportal-redis-").FullName;
    private readonly StringBuilder _log = new();
    private Process? _process;

    private RestartableRedis(int port) => Port = port;

    public int Port { get; }

    public string Configuration => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    public static async Task<RestartableRedis> StartAsync(CancellationToken cancellationToken)
    {
        var redis = new RestartableRedis(ProcessRunner.FreePort());
        await redis.StartAgainAsync(cancellationToken);
        return redis;
    }

    /// <summary>Ends redis-server at once (SIGKILL): connected nodes see the connection drop, and what is published meanwhile is lost.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        var program = new[] { "/usr/bin/redis-server", "/usr/sbin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: run scripts/setup.sh --for-tests, or apt-get install redis-server.");
        _process = Process.Start(EngineProcess.StartInfo(program,
            ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--protected-mode", "yes",
             "--save", "", "--appendonly", "no", "--dir", _directory, "--daemonize", "no", "--loglevel", "warning"], user: null))
            ?? throw new InvalidOperationException("Could not start redis-server.");
        ProcessRunner.Capture(_process, _log);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode}:\n{_log}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
                await using var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
                var reply = new byte[7];
                if (await stream.ReadAsync(reply, cancellationToken) > 0 && reply[0] == (byte)'+')
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

        throw new TimeoutException($"redis-server did not answer PING within 30 s:\n{_log}");
    }

    /// <summary>Waits until <paramref name="nodes"/> FacePortal processes hold a subscription (their channels are heard again).</summary>
    public async Task WaitForSubscribersAsync(int nodes, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        var clients = "";
        while (DateTime.UtcNow < deadline)
        {
            clients = await ClientListAsync(cancellationToken);
            var subscribed = clients.Split('\n')
                .Where(line => line.Contains(" name=faceportal-", StringComparison.Ordinal) && !line.Contains(" sub=0 ", StringComparison.Ordinal))
                .Select(line => line.Split(" name=", 2)[1].Split(' ')[0])
                .Distinct()
                .Count();
            if (subscribed >= nodes)
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"Fewer than {nodes} nodes subscribed within {limit.TotalSeconds:0} s:\n{clients}");
    }

    private async Task<string> ClientListAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
        await using var stream = client.GetStream();
        await stream.WriteAsync("CLIENT LIST\r\n"u8.ToArray(), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = await reader.ReadLineAsync(cancellationToken) ?? "";
        if (!header.StartsWith('$'))
        {
            return header;
        }

        var body = new char[int.Parse(header.AsSpan(1), CultureInfo.InvariantCulture)];
        var read = 0;
        while (read < body.Length)
        {
            var n = await reader.ReadAsync(body.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return new string(body, 0, read);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        EngineProcess.DeleteQuietly(_directory);
    }
}
