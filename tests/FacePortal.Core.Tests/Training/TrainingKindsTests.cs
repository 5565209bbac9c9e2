using FacePortal.Core.Training;
using FacePortal.Core.Training.Kinds;
using FacePortal.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FacePortal.Core.Tests.Training;

/// <summary>The job runner finds every model kind's run in one registry, never in a branch of its own.</summary>
public sealed class TrainingKindsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("faceportal-kinds-tests-").FullName;

    [Fact]
    public void The_core_registers_a_run_for_every_model_kind()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FacePortal:Models:Directory"] = RepoLocations.Models,
        }).Build());
        services.AddLogging();
        services.AddFacePortalCore(_data);
        using var provider = services.BuildServiceProvider();

        var kinds = provider.GetRequiredService<TrainingKinds>();

        Assert.All(Enum.GetValues<ModelKind>(), kind => Assert.Equal(kind, kinds.For(kind).Kind));
    }

    [Fact]
    public void A_kind_without_a_run_is_found_when_the_registry_is_built_not_when_a_job_runs()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new TrainingKinds([new ScratchCnnTraining()]));

        Assert.Equal("No training is registered for TransferHead, MetricTriplet.", refused.Message);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
