using System.Diagnostics;
using System.Globalization;

namespace FacePortal.TestSupport.Engines;

/// <summary>
/// A private PostgreSQL for tests: <c>initdb</c> into a temp directory, one postmaster on a free
/// 127.0.0.1 port (no Unix socket outside that directory), settings that trade durability for
/// speed (fsync off), run as an unprivileged user when the tests run as root (Debian's
/// <c>postgres</c> account, else <c>nobody</c>). Disposal stops it and deletes the directory.
/// </summary>
/// <example>
/// <code>
/// await using var postgres = await PostgresServer.StartAsync(ct);
/// var connectionString = await postgres.CreateDatabaseAsync(ct);   // a fresh, empty database
/// </code>
/// </example>
/// <remarks>
/// Needs Debian's <c>postgresql</c> package (scripts/setup.sh --for-tests installs it); the
/// binaries are looked up under <c>/usr/lib/postgresql/*/bin</c>, newest first.
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string UserName = "faceportal";
    public const string Password = "faceportal-tests";

    private static readonly Lock SharedGate = new();
    private static Task<PostgresServer>? _shared;
    private static int _databases;

    private readonly string _directory;
    private readonly string? _runAs;
    private int _stopped;

    private PostgresServer(string directory, string? runAs, int port)
    {
        _directory = directory;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string (Npgsql syntax) for the built-in <c>postgres</c> database, as the superuser <see cref="UserName"/>.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>A connection string (Npgsql syntax) for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={UserName};Password={Password};Database={database}";

    /// <summary>The server's log file (postmaster output), for failure messages.</summary>
    public string Log => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    private string DataDirectory => Path.Combine(_directory, "data");

    private string LogFile => Path.Combine(_directory, "postgres.log");

    /// <summary>
    /// One server for the whole test process, started on first use and stopped when the process
    /// exits; tests take their own databases from it with <see cref="CreateDatabaseAsync"/>.
    /// </summary>
    public static Task<PostgresServer> SharedAsync()
    {
        lock (SharedGate)
        {
            if (_shared is null)
            {
                _shared = StartAsync(CancellationToken.None);
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    if (_shared.IsCompletedSuccessfully)
                    {
                        _shared.Result.Stop(deleteInBackground: true);
                    }
                };
            }

            return _shared;
        }
    }

    /// <summary>Starts a new private server (about 2 s: initdb, then the postmaster).</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var bin = FindBinaries();
        var runAs = EngineProcess.IsRoot ? UnprivilegedUser() : null;
        var directory = Directory.CreateTempSubdirectory("faceportal-postgres-").FullName;
        try
        {
            var passwordFile = Path.Combine(directory, "password");
            await File.WriteAllTextAsync(passwordFile, Password, cancellationToken);
            if (runAs is not null)
            {
                EngineProcess.GiveTo(directory, runAs);
            }

            await EngineProcess.RunAsync(
                EngineProcess.StartInfo(Path.Combine(bin, "initdb"),
                    ["-D", Path.Combine(directory, "data"), "-U", UserName, "--pwfile", passwordFile, "--auth", "scram-sha-256",
                     "-E", "UTF8", "--locale", "C.UTF-8", "--no-sync"], runAs),
                TimeSpan.FromSeconds(120), cancellationToken);
            File.Delete(passwordFile);

            // A port can be taken between choosing and binding it: try a few.
            for (var attempt = 1; ; attempt++)
            {
                var server = new PostgresServer(directory, runAs, ProcessRunner.FreePort());
                try
                {
                    await server.StartPostmasterAsync(bin, cancellationToken);
                    return server;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // Another port.
                }
            }
        }
        catch
        {
            EngineProcess.DeleteQuietly(directory);
            throw;
        }
    }

    /// <summary>Creates a new empty database owned by <see cref="UserName"/> and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}");
        var start = EngineProcess.StartInfo(Path.Combine(FindBinaries(), "createdb"),
            ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", UserName, name], user: null);
        start.Environment["PGPASSWORD"] = Password;
        await EngineProcess.RunAsync(start, TimeSpan.FromSeconds(60), cancellationToken);
        return ConnectionString(name);
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops the server at once (its data is thrown away anyway) and deletes its directory.</summary>
    /// <param name="deleteInBackground">Leave the deletion to a process of its own (at process exit, which is timed).</param>
    public void Stop(bool deleteInBackground = false)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        var postmaster = File.Exists(pidFile) ? File.ReadLines(pidFile).First() : null;
        try
        {
            EngineProcess.Run(EngineProcess.StartInfo(Path.Combine(FindBinaries(), "pg_ctl"),
                ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "30"], _runAs), TimeSpan.FromSeconds(40));

            // pg_ctl returns once the pid file is gone; the process itself ends a moment later.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (postmaster is not null && EngineProcess.IsRunning(postmaster) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
        catch (InvalidOperationException)
        {
            // Not running (it failed to start): nothing to stop.
        }
        finally
        {
            if (deleteInBackground)
            {
                EngineProcess.DeleteInBackground(_directory);
            }
            else
            {
                EngineProcess.DeleteQuietly(_directory);
            }
        }
    }

    private async Task StartPostmasterAsync(string bin, CancellationToken cancellationToken)
    {
        // Only TCP on loopback; the Unix socket stays in our own directory. fsync and friends off:
        // a test database never outlives a crash. Enough connections for two web nodes and workers.
        string[] settings =
        [
            "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            "-c", $"unix_socket_directories={_directory}",
            "-c", "fsync=off",
            "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off",
            "-c", "max_connections=300",
            "-c", "shared_buffers=32MB",
        ];
        await EngineProcess.RunAsync(
            EngineProcess.StartInfo(Path.Combine(bin, "pg_ctl"),
                ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", string.Join(' ', settings)], _runAs),
            TimeSpan.FromSeconds(90), cancellationToken);
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/setup.sh --for-tests, or apt-get install postgresql.");
    }

    private static string UnprivilegedUser()
    {
        foreach (var user in new[] { "postgres", "nobody" })
        {
            var start = EngineProcess.StartInfo("id", ["-u", user], user: null);
            try
            {
                EngineProcess.Run(start, TimeSpan.FromSeconds(10));
                return user;
            }
            catch (InvalidOperationException)
            {
                // No such user.
            }
        }

        throw new InvalidOperationException("PostgreSQL refuses to run as root and neither 'postgres' nor 'nobody' exists.");
    }
}
