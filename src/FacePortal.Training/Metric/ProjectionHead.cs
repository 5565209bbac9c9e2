using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace FacePortal.Training.Metric;

/// <summary>
/// The trained part of metric learning: one dense layer from the frozen embedding to a smaller
/// space, then unit length, so squared distances there lie in [0, 4] and a dot product is a cosine.
/// </summary>
public sealed class ProjectionHead : Module<Tensor, Tensor>
{
    private readonly Linear _dense;

    public ProjectionHead(int inputs, int outputs)
        : base(nameof(ProjectionHead))
    {
        _dense = Linear(inputs, outputs);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => functional.normalize(_dense.forward(input), 2.0, 1);

    /// <summary>The trained parameters as a plain C# projection, for inference without TorchSharp.</summary>
    public EmbeddingProjection ToProjection(float similarityThreshold) => EmbeddingProjection.FromParameters(
        _dense.weight!.data<float>().ToArray(), _dense.bias!.data<float>().ToArray(), similarityThreshold);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dense.Dispose();
        }

        base.Dispose(disposing);
    }
}
