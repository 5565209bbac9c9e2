using System.Collections.Concurrent;
using FacePortal.Shared.Faces;

namespace FacePortal.Shared.Evaluation;

/// <summary>The embedding of each image's <see cref="PrimaryFace"/>, for the evaluation commands.</summary>
public static class PrimaryFaceEmbeddings
{
    /// <summary>Embeds every file in parallel; files without a usable face are listed with the reason.</summary>
    public static (IReadOnlyDictionary<string, float[]> Embeddings, IReadOnlyDictionary<string, string> Unusable) Compute(
        FacePipeline pipeline, string imageDirectory, IReadOnlyCollection<string> files, int parallelism)
    {
        var (faces, unusable) = Analyse(pipeline, imageDirectory, files, parallelism);
        return (new SortedDictionary<string, float[]>(faces.ToDictionary(f => f.Key, f => f.Value.Embedding), StringComparer.Ordinal), unusable);
    }

    /// <summary>Like <see cref="Compute"/>, with everything the pipeline knows of each primary face (its quality too).</summary>
    public static (IReadOnlyDictionary<string, FaceAnalysis> Faces, IReadOnlyDictionary<string, string> Unusable) Analyse(
        FacePipeline pipeline, string imageDirectory, IReadOnlyCollection<string> files, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var embeddings = new ConcurrentDictionary<string, FaceAnalysis>(StringComparer.Ordinal);
        var unusable = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, file =>
        {
            var path = Path.Combine(imageDirectory, file);
            if (!File.Exists(path))
            {
                unusable[file] = "file not found";
                return;
            }

            try
            {
                var analysis = pipeline.AnalyzeOnePerson(File.ReadAllBytes(path));
                if (analysis.Primary is null)
                {
                    unusable[file] = "no face found";
                    return;
                }

                embeddings[file] = analysis.Primary;
            }
            catch (ImageDecodeException ex)
            {
                unusable[file] = ex.Message;
            }
        });

        return (
            new SortedDictionary<string, FaceAnalysis>(embeddings, StringComparer.Ordinal),
            new SortedDictionary<string, string>(unusable, StringComparer.Ordinal));
    }
}
