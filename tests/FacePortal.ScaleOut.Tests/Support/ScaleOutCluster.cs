using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FacePortal.TestSupport;
using FacePortal.TestSupport.Engines;

namespace FacePortal.ScaleOut.Tests.Support;

/// <summary>
/// One private PostgreSQL (database and job storage), one web node that never trains
/// (RunInWeb=false) and two <c>./faceportal worker</c> processes, each its own process; three
/// people enrolled through the web node's API.
/// </summary>
public sealed class ScaleOutCluster : IAsyncLifetime
{
    /// <summary>Short, so a killed worker's job comes back within seconds, not the production 5 minutes.</summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    public static readonly string[] WorkerNames = ["worker-a", "worker-b"];

    private readonly Dictionary<string, WorkerProcess> _workers = new(StringComparer.Ordinal);

    public PostgresServer Postgres { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public PortalServer Web { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public IReadOnlyList<Guid> People { get; private set; } = [];

    public IReadOnlyDictionary<string, WorkerProcess> Workers => _workers;

    /// <summary>What every process of the cluster is given: the shared database and job storage.</summary>
    public Dictionary<string, string> SharedSettings(string? connectionString = null) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__FacePortal"] = connectionString ?? ConnectionString,
        ["FacePortal__Jobs__Storage"] = "Postgres",
        ["FacePortal__Jobs__InvisibilityTimeout"] = InvisibilityTimeout.ToString(),
        ["FacePortal__Jobs__ShutdownTimeout"] = ShutdownTimeout.ToString(),
        ["FacePortal__Jobs__QueuePollInterval"] = "00:00:00.500",
    };

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Postgres = await PostgresServer.StartAsync(ct);
        ConnectionString = await Postgres.CreateDatabaseAsync(ct);
        var web = SharedSettings();
        web["FacePortal__Jobs__RunInWeb"] = "false";
        Web = await PortalServer.StartAsync(ct, web);
        Admin = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Web.BaseAddress };
        await PortalSignIn.SignInAsync(Admin, PortalServer.AdminName, PortalServer.AdminPassword);

        // Started one after the other: the first brings the job storage's schema up.
        foreach (var name in WorkerNames)
        {
            await StartWorkerAsync(name);
        }

        People =
        [
            await EnrollAsync("Angelina Train", "img1.jpg", "img2.jpg", "img4.jpg", "img5.jpg"),
            await EnrollAsync("Second Person", "img13.jpg", "img14.jpg", "img15.jpg"),
            await EnrollAsync("Third Person", "img20.jpg", "img21.jpg"),
        ];
    }

    /// <summary>(Re)starts the worker called <paramref name="name"/> on the web node's data directory.</summary>
    public async Task<WorkerProcess> StartWorkerAsync(string name)
    {
        if (_workers.Remove(name, out var old))
        {
            await old.DisposeAsync();
        }

        var worker = await WorkerProcess.StartAsync(name, Web.DataDirectory, SharedSettings(), TestContext.Current.CancellationToken);
        _workers[name] = worker;
        return worker;
    }

    /// <summary>Queues a training job on the web node and returns its id.</summary>
    public async Task<Guid> QueueAsync(object request)
    {
        using var response = await Admin.PostAsJsonAsync(new Uri("/api/v1/training", UriKind.Relative), request, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>The job as GET /api/v1/training/{id} shows it.</summary>
    public async Task<JobView> GetAsync(Guid id) => JobView.From(
        await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/training/{id}", TestContext.Current.CancellationToken));

    /// <summary>Polls the job until <paramref name="condition"/> holds, for at most <paramref name="timeout"/>.</summary>
    public async Task<JobView> WaitUntilAsync(Guid id, Func<JobView, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await GetAsync(id);
            if (condition(job))
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Job {id} is {job.Status} ({job.Stage}, {job.Epochs.Count} epochs) after {timeout.TotalSeconds:0} s.\n"
                    + string.Join('\n', _workers.Values.Select(w => $"--- {w.Name}:\n{Tail(w.Log)}")));
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public Task<JobView> WaitForSuccessAsync(Guid id, TimeSpan timeout) =>
        WaitUntilAsync(id, j => j.Status == "Succeeded" || (j.Status is "Failed" or "Cancelled" ? throw new InvalidOperationException($"The job ended {j.Status}: {j.Error}") : false), timeout);

    /// <summary>The models GET /api/v1/models?job= lists for a job, by kind.</summary>
    public async Task<List<string>> ModelKindsAsync(Guid id) =>
        (await Admin.GetFromJsonAsync<List<JsonElement>>($"/api/v1/models?job={id}", TestContext.Current.CancellationToken))!
            .Select(m => m.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal).ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers.Values)
        {
            await worker.DisposeAsync();
        }

        Admin?.Dispose();
        if (Web is not null)
        {
            await Web.DisposeAsync();
        }

        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }

    private static string Tail(string log) => log.Length > 3000 ? log[^3000..] : log;

    private async Task<Guid> EnrollAsync(string name, params string[] photos)
    {
        var ct = TestContext.Current.CancellationToken;
        using var created = await Admin.PostAsJsonAsync(new Uri("/api/v1/people", UriKind.Relative), new { name }, ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        using var form = new MultipartFormDataContent();
        foreach (var photo in photos)
        {
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(RepoLocations.DeepFace, photo), ct)), "files", photo);
        }

        using var uploaded = await Admin.PostAsync(new Uri($"/api/v1/people/{id}/photos", UriKind.Relative), form, ct);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync(ct));
        return id;
    }
}
