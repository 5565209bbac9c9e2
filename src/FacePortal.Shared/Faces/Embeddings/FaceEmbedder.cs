using FacePortal.Shared.Faces.Alignment;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace FacePortal.Shared.Faces.Embeddings;

/// <summary>512-d, L2-normalised embeddings of aligned faces; several faces go through the model in one batch.</summary>
public sealed class FaceEmbedder
{
    public const int Dimensions = 512;
    private const float Mean = 127f;
    private const float Std = 128f;
    private const int PixelsPerFace = ArcFaceTemplate.Size * ArcFaceTemplate.Size;

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;

    public FaceEmbedder(FaceModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _session = models[ModelFile.Embedder];
        var input = _session.InputMetadata.Single();
        _inputName = input.Key;
        _outputName = _session.OutputMetadata.Keys.Single();
        SupportsBatch = input.Value.Dimensions[0] < 0;
    }

    /// <summary>Whether the model takes a dynamic batch; when not, faces run one at a time.</summary>
    public bool SupportsBatch { get; }

    public float[] Embed(AlignedFace face) => Embed([face])[0];

    public float[][] Embed(IReadOnlyList<AlignedFace> faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        var result = new float[faces.Count][];
        if (faces.Count == 0)
        {
            return result;
        }

        var batch = SupportsBatch ? faces.Count : 1;
        for (var start = 0; start < faces.Count; start += batch)
        {
            var n = Math.Min(batch, faces.Count - start);
            using var input = OrtValue.CreateAllocatedTensorValue(
                OrtAllocator.DefaultInstance, TensorElementType.Float, [n, 3, ArcFaceTemplate.Size, ArcFaceTemplate.Size]);
            var tensor = input.GetTensorMutableDataAsSpan<float>();
            for (var i = 0; i < n; i++)
            {
                TensorPacking.RgbaToPlanar(faces[start + i].Rgba.Span, tensor.Slice(i * 3 * PixelsPerFace, 3 * PixelsPerFace), Mean, Std);
            }

            using var runOptions = new RunOptions();

            using var outputs = _session.Run(runOptions, [_inputName], [input], [_outputName]);
            var output = outputs[0].GetTensorDataAsSpan<float>();
            for (var i = 0; i < n; i++)
            {
                var embedding = output.Slice(i * Dimensions, Dimensions).ToArray();
                EmbeddingMath.Normalize(embedding);
                result[start + i] = embedding;
            }
        }

        return result;
    }
}
