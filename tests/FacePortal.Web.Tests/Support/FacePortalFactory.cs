using FacePortal.Core.Data;
using FacePortal.TestSupport;
using FacePortal.TestSupport.Engines;
using FacePortal.Web.Accounts;
using FacePortal.Web.Recognition.Live;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Web.Tests.Support;

/// <summary>
/// The real app with the real models and a real SQLite database in a temporary data directory,
/// deleted when the factory is disposed. The first admin comes from configuration, as in production.
/// With <c>FACEPORTAL_TEST_DATABASE=Postgres</c> (test.sh's PostgreSQL leg) the database is a fresh
/// one on a private PostgreSQL server instead, one per data directory.
/// </summary>
public sealed class FacePortalFactory : WebApplicationFactory<Program>
{
    /// <summary>The environment variable that picks the database provider the whole suite runs on.</summary>
    public const string DatabaseVariable = "FACEPORTAL_TEST_DATABASE";

    /// <summary>A data directory stands for an installation: a second factory on it (a restart) finds the same database.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> PostgresDatabases = new(StringComparer.Ordinal);

    public const string AdminName = "admin";
    public const string AdminPassword = "Admin-Passw0rd!";
    public const string UserPassword = "User-Passw0rd!";
    public const string AuthCookieName = "FacePortal.Auth";

    private string? _dataDirectory;

    public string ModelDirectory { get; init; } = RepoLocations.Models;

    /// <summary>Extra configuration for this app, on top of the test defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Middleware put in front of the app's own (a test that plays the network, say).</summary>
    public IReadOnlyList<IStartupFilter> StartupFilters { get; init; } = [];

    /// <summary>The data directory; a second factory given the first one's sees the same installation, as after a restart.</summary>
    public string DataDirectory
    {
        get => _dataDirectory ??= Directory.CreateTempSubdirectory("faceportal-test-").FullName;
        init => _dataDirectory = value;
    }

    public string BlobDirectory => Path.Combine(DataDirectory, "blobs");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("FacePortal:Models:Directory", ModelDirectory);
        builder.UseSetting("FacePortal:DataDirectory", DataDirectory);
        builder.UseSetting("FacePortal:Admin:UserName", AdminName);
        builder.UseSetting("FacePortal:Admin:Password", AdminPassword);
        builder.UseEnvironment("Production");
        if (UsesPostgres && !Settings.ContainsKey("Database:Provider"))
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:FacePortal", PostgresDatabaseFor(DataDirectory));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            foreach (var filter in StartupFilters)
            {
                services.AddSingleton(filter);
            }
        });
    }

    /// <summary>Whether this run of the suite is the PostgreSQL leg.</summary>
    public static bool UsesPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(DatabaseVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    private static string PostgresDatabaseFor(string dataDirectory) =>
        PostgresDatabases.GetOrAdd(Path.GetFullPath(dataDirectory), _ => new Lazy<string>(() =>
        {
            var server = PostgresServer.SharedAsync().GetAwaiter().GetResult();
            return server.CreateDatabaseAsync().GetAwaiter().GetResult();
        })).Value;

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s and 401s as they are.</summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// Signs in through the real login form (antiforgery token and all); the client carries the
    /// request token the API asks of cookie-authenticated writes, as the portal's pages do.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string userName = AdminName, string password = AdminPassword)
    {
        var client = CreateBrowserlessClient();
        await PortalSignIn.SignInAsync(client, userName, password);
        return client;
    }

    /// <summary>Posts the login form as a browser would; <paramref name="returnUrl"/> goes in the query string.</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, string? returnUrl = null) =>
        PortalSignIn.PostLoginAsync(client, userName, password, returnUrl);

    /// <summary>Creates an account with the User role only (idempotent) and signs it in.</summary>
    public async Task<HttpClient> SignInAsUserAsync(string userName = "tester")
    {
        var users = Services.GetRequiredService<UserAdministration>();
        if ((await users.ListAsync()).All(u => u.UserName != userName))
        {
            var change = await users.CreateAsync(userName, UserPassword, [Roles.User], "test");
            Assert.True(change.Succeeded, change.Error);
        }

        return await SignInAsync(userName, UserPassword);
    }

    /// <summary>Signs in through the login form and returns the authentication cookie, for clients that are not HttpClients (SignalR).</summary>
    public async Task<string> SignInCookieAsync(string userName = AdminName, string password = AdminPassword)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await PostLoginAsync(client, userName, password);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(AuthCookieName + "=", StringComparison.Ordinal))
            : null;
        return cookie ?? throw new InvalidOperationException($"Sign-in of {userName} set no {AuthCookieName} cookie: {response.StatusCode}");
    }

    /// <summary>A live-hub connection over WebSockets with MessagePack, as the browser makes it; null cookie means anonymous.</summary>
    /// <param name="origin">The page's origin, as a browser sends it on the handshake; null sends none (a program).</param>
    public HubConnection CreateLiveConnection(string? cookie, string? origin = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, LiveRecognitionHub.Path.TrimStart('/')), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, ct) =>
                {
                    var client = Server.CreateWebSocketClient();
                    client.ConfigureRequest = request =>
                    {
                        if (cookie is not null)
                        {
                            request.Headers.Cookie = cookie;
                        }

                        if (origin is not null)
                        {
                            request.Headers.Origin = origin;
                        }
                    };

                    return await client.ConnectAsync(context.Uri, ct);
                };
            })
            .AddMessagePackProtocol()
            .Build();

    public async Task<T> QueryAsync<T>(Func<FacePortalDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<FacePortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public IReadOnlyList<string> BlobFiles() =>
        Directory.Exists(BlobDirectory) ? Directory.GetFiles(BlobDirectory, "*", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)).ToList() : [];

    public static string AntiforgeryTokenIn(string html) => PortalSignIn.FormTokenIn(html);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
        }
    }
}
