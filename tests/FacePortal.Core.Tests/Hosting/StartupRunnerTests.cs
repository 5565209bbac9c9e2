using FacePortal.Core.Hosting;
using FacePortal.Core.Jobs;
using FacePortal.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FacePortal.Core.Tests.Hosting;

/// <summary>The start-up steps run in a real host: by their order, before any hosted service starts, and a failure stops the start naming its step.</summary>
public sealed class StartupRunnerTests
{
    private readonly List<string> _ran = [];

    [Fact]
    public async Task Steps_run_by_their_order_not_their_registration_and_before_any_hosted_service_starts()
    {
        using var host = Build(new Step("gallery", 700, _ran), new Step("disk", 200, _ran), new Step("database", 400, _ran));

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["disk", "database", "gallery", "hosted service started"], _ran);
    }

    [Fact]
    public async Task A_failing_step_stops_the_start_the_steps_after_it_do_not_run_and_the_failure_names_it()
    {
        using var host = Build(
            new Step("disk", 200, _ran),
            new Step("database", 400, _ran, fail: new InvalidOperationException("the schema is newer than this build")),
            new Step("gallery", 700, _ran));

        var failure = await Assert.ThrowsAsync<StartupStepException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(["disk", "database"], _ran);
        Assert.Equal("database", failure.Step);
        Assert.Equal("the start-up step 'database' failed: the schema is newer than this build", failure.Message);

        // Not one a person can fix from a sentence: the entry point rethrows it, so its stack trace is printed.
        Assert.Null(StartupFailure.Explain(failure));
    }

    [Fact]
    public async Task A_worker_on_a_job_storage_only_it_would_see_stops_before_touching_the_data_directory_with_one_line()
    {
        var data = Path.Combine(Path.GetTempPath(), $"faceportal-worker-{Guid.NewGuid():N}");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["FacePortal:Models:Directory"] = RepoLocations.Models });
        builder.Services.AddFacePortalNode(builder.Configuration, data, JobHostRole.Worker);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<StartupStepException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal(
            "FacePortal__Jobs__Storage is InMemory: a worker needs the storage the web app uses, Postgres or SqlServer (with ConnectionStrings__Jobs or the database's connection string).",
            StartupFailure.Explain(failure));
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public void Two_steps_in_the_same_place_are_refused_naming_both()
    {
        var clash = Assert.Throws<InvalidOperationException>(() =>
            new StartupRunner([new Step("disk", 200, _ran), new Step("models", 300, _ran), new Step("quota", 200, _ran)], new LoggerFactory().CreateLogger<StartupRunner>()));

        Assert.Equal("The start-up steps 'disk' and 'quota' both have order 200; give each its own place in StartupOrder.", clash.Message);
    }

    [Fact]
    public void The_web_node_and_the_worker_register_the_same_steps_in_the_same_order()
    {
        string[] expected = ["check the job storage", "check the data directory", "load the face models", "migrate the database", "load the gallery and the model in use"];

        Assert.Equal(expected, StepsOf(JobHostRole.Web));
        Assert.Equal(expected, StepsOf(JobHostRole.Worker));
    }

    private static string[] StepsOf(JobHostRole role)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddFacePortalNode(builder.Configuration, Path.GetTempPath(), role);
        using var host = builder.Build();
        return [.. host.Services.GetRequiredService<StartupRunner>().Steps.Select(s => s.Name)];
    }

    private IHost Build(params Step[] steps)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        // Registered first, so it is the runner's lifecycle, not the registration order, that puts the steps before it.
        builder.Services.AddHostedService(_ => new Recorder(_ran));
        builder.Services.AddStartupRunner();
        foreach (var step in steps)
        {
            builder.Services.AddSingleton<IStartupStep>(step);
        }

        return builder.Build();
    }

    private sealed class Step(string name, int order, List<string> ran, Exception? fail = null) : IStartupStep
    {
        public string Name => name;

        public int Order => order;

        public Task RunAsync(CancellationToken cancellationToken)
        {
            ran.Add(name);
            return fail is null ? Task.CompletedTask : Task.FromException(fail);
        }
    }

    /// <summary>A hosted service that records when it starts.</summary>
    private sealed class Recorder(List<string> ran) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            ran.Add("hosted service started");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
