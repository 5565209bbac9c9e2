using System.Diagnostics;
using FacePortal.TestSupport;

namespace FacePortal.Cli.Tests.Commands;

/// <summary>
/// <c>./faceportal worker</c> as its own process (settings come from its environment), refused at
/// start as the web app is: one line on stderr that says what to fix, exit code 2.
/// </summary>
public sealed class WorkerCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("faceportal-worker-").FullName;

    [Fact]
    public async Task A_worker_on_a_job_storage_only_it_would_see_stops_with_one_line_before_touching_its_data_directory()
    {
        var data = Path.Combine(_work, "data");

        var (exitCode, error) = await RunWorkerAsync(data, new Dictionary<string, string> { ["FacePortal__Jobs__Storage"] = "InMemory" });

        Assert.Equal(2, exitCode);
        Assert.Equal(
            ["error: the worker cannot start: FacePortal__Jobs__Storage is InMemory: a worker needs the storage the web app uses, Postgres or SqlServer (with ConnectionStrings__Jobs or the database's connection string)."],
            Lines(error));
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task A_wrong_setting_stops_the_worker_with_one_line_naming_the_key()
    {
        var (exitCode, error) = await RunWorkerAsync(Path.Combine(_work, "data"), new Dictionary<string, string>
        {
            ["FacePortal__Jobs__Storage"] = "Postgres",
            ["ConnectionStrings__Jobs"] = "Host=127.0.0.1;Port=1;Database=none",
            ["FacePortal__Jobs__TrainingWorkers"] = "0",
        });

        Assert.Equal(2, exitCode);
        Assert.Equal(["error: the worker cannot start: FacePortal:Jobs:TrainingWorkers must be between 1 and 64 (was 0)."], Lines(error));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The faceportal.dll built with this test project, run with the dotnet the web app's tests use.</summary>
    private static async Task<(int ExitCode, string Error)> RunWorkerAsync(string data, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(ProcessRunner.DotnetMuxer())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "faceportal.dll"), "worker", "--data", data })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the worker.");
        var ct = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The worker was still running after 60 s:\n{await output}\n{await error}");
        }

        await output;
        return (process.ExitCode, await error);
    }
}
