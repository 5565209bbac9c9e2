using FacePortal.Shared.Evaluation;
using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Alignment;
using FacePortal.Shared.Models;
using FacePortal.TestSupport;
using FacePortal.Training.Data;

namespace FacePortal.Training.Tests;

/// <summary>Real aligned faces for the training tests: the deepface photos grouped by their "same person" pairs.</summary>
public sealed class TrainingFaces : IDisposable
{
    private readonly FaceModels _models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = RepoLocations.Models });

    public TrainingFaces()
    {
        Pipeline = new FacePipeline(_models, new FacePipelineOptions());
        var groups = PairIdentities.Groups(LabelledPair.ReadCsv(Path.Combine(RepoLocations.DeepFace, "master.csv")))
            .Select((files, i) => ($"person{i}", (IReadOnlyList<string>)files.Select(f => Path.Combine(RepoLocations.DeepFace, f)).ToList()))
            .ToList();
        (Dataset, _) = FolderDataset.FromGroups(Pipeline, groups);
    }

    public FacePipeline Pipeline { get; }

    /// <summary>Nine people, person0 (the largest group, 8 photos) onwards; the others have 2 or 3.</summary>
    public FaceDataset Dataset { get; }

    public AlignedFace First => Dataset.Faces[0].Face;

    public void Dispose() => _models.Dispose();
}
