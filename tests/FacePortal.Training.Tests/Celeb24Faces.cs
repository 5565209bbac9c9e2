using FacePortal.Shared.Faces;
using FacePortal.Shared.Models;
using FacePortal.TestSupport;
using FacePortal.Training.Data;

namespace FacePortal.Training.Tests;

/// <summary>Real aligned faces of a few celeb24 people (tight crops through our detector), for metric learning.</summary>
public sealed class Celeb24Faces : IDisposable
{
    public const int People = 8;
    public const int FacesPerPerson = 6;
    private readonly FaceModels _models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = RepoLocations.Models });

    public Celeb24Faces()
    {
        Pipeline = new FacePipeline(_models, new FacePipelineOptions());
        var groups = Directory.GetDirectories(RepoLocations.Celeb24).Order(StringComparer.Ordinal).Take(People)
            .Select(folder => (Path.GetFileName(folder), (IReadOnlyList<string>)Directory.GetFiles(folder, "*.png").Order(StringComparer.Ordinal).Take(FacesPerPerson).ToList()))
            .ToList();
        (Dataset, _) = FolderDataset.FromGroups(Pipeline, groups);
    }

    public FacePipeline Pipeline { get; }

    public FaceDataset Dataset { get; }

    public void Dispose() => _models.Dispose();
}
