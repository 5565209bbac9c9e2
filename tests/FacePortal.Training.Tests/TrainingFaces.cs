using FacePortal.Shared.Faces;
using FacePortal.Shared.Faces.Alignment;
using FacePortal.Shared.Faces.Verification;
using FacePortal.Shared.Models;
using FacePortal.Training.Data;

namespace FacePortal.Training.Tests;

/// <summary>Real aligned faces for the training tests: the deepface photos grouped by their "same person" pairs.</summary>
public sealed class TrainingFaces : IDisposable
{
    private readonly FaceModels _models = FaceModels.LoadPipeline(new FaceModelOptions { Directory = RepoPaths.Models });

    public TrainingFaces()
    {
        Pipeline = new FacePipeline(_models, new FacePipelineOptions());
        var identities = PairIdentities.From(LabelledPair.ReadCsv(Path.Combine(RepoPaths.DeepFace, "master.csv")));
        var people = identities.GroupBy(i => i.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(f => f.Key), StringComparer.Ordinal).ToList();
        var folder = Directory.CreateTempSubdirectory("faceportal-people-").FullName;
        try
        {
            for (var i = 0; i < people.Count; i++)
            {
                var dir = Directory.CreateDirectory(Path.Combine(folder, $"person{i}")).FullName;
                foreach (var file in people[i].Select(f => f.Key))
                {
                    File.Copy(Path.Combine(RepoPaths.DeepFace, file), Path.Combine(dir, file));
                }
            }

            (Dataset, _) = FolderDataset.Load(Pipeline, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public FacePipeline Pipeline { get; }

    /// <summary>Nine people, person0 (the largest group, 8 photos) onwards; the others have 2 or 3.</summary>
    public FaceDataset Dataset { get; }

    public AlignedFace First => Dataset.Faces[0].Face;

    public void Dispose() => _models.Dispose();
}
