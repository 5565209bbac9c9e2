using FacePortal.Shared.Faces.Alignment;
using FacePortal.Shared.Faces.Embeddings;
using FacePortal.Training.Data;

namespace FacePortal.Training.Features;

/// <summary>
/// The frozen part of transfer learning: the ONNX embedding model turns (augmented) aligned faces
/// into 512-d features once per job, so the head trains on cached vectors rather than images.
/// </summary>
public sealed class FeatureExtractor(FaceEmbedder embedder)
{
    private const int BatchSize = 32;

    /// <summary>
    /// Each face as it is, plus <paramref name="augmentedCopies"/> random variations of it. Copy k of
    /// face i uses a generator seeded from (<paramref name="seed"/>, i, k), so the result does not
    /// depend on thread scheduling.
    /// </summary>
    public FeatureSet Extract(
        IReadOnlyList<LabelledFace> faces, int augmentedCopies, AugmentationOptions augmentation, int seed, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(faces);
        var perFace = 1 + augmentedCopies;
        var total = faces.Count * perFace;
        var values = new float[total * FaceEmbedder.Dimensions];
        var labels = new int[total];
        var done = 0;
        var batches = (total + BatchSize - 1) / BatchSize;
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, batch =>
        {
            var start = batch * BatchSize;
            var count = Math.Min(BatchSize, total - start);
            var inputs = new AlignedFace[count];
            for (var j = 0; j < count; j++)
            {
                var item = start + j;
                var (face, copy) = (faces[item / perFace], item % perFace);
                inputs[j] = copy == 0 ? face.Face : FaceAugmenter.Augment(face.Face, augmentation, new Random(HashCode.Combine(seed, item / perFace, copy)));
                labels[item] = face.Label;
            }

            var embeddings = embedder.Embed(inputs);
            for (var j = 0; j < count; j++)
            {
                embeddings[j].CopyTo(values, (start + j) * FaceEmbedder.Dimensions);
            }

            progress?.Report(Interlocked.Add(ref done, count) / (double)total);
        });

        return new FeatureSet(values, labels, FaceEmbedder.Dimensions);
    }
}
