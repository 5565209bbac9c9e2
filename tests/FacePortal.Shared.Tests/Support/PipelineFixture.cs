using FacePortal.Shared.Faces;
using FacePortal.Shared.Models;

namespace FacePortal.Shared.Tests.Support;

/// <summary>The real models and pipeline, loaded once for every test that needs them.</summary>
public sealed class PipelineFixture : IDisposable
{
    public PipelineFixture()
    {
        Models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = TestPaths.Models });
        Pipeline = new FacePipeline(Models, new FacePipelineOptions());
    }

    public FaceModels Models { get; }

    public FacePipeline Pipeline { get; }

    public IReadOnlyList<FaceAnalysis> AnalyzeFile(string path) => Pipeline.Analyze(File.ReadAllBytes(path));

    public void Dispose() => Models.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "Face pipeline";
}
