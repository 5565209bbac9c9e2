using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace FacePortal.Training.Heads;

/// <summary>
/// The trained part of transfer learning: dense, batch norm, ReLU, dropout, dense. It outputs
/// logits; softmax turns them into per-person probabilities at inference.
/// </summary>
public sealed class TransferHead : Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    public TransferHead(int inputs, int hidden, int classes, double dropout)
        : base(nameof(TransferHead))
    {
        _layers = Sequential(
            ("dense1", Linear(inputs, hidden)),
            ("norm", ScalarSafeBatchNorm.OverFeatures(hidden)),
            ("relu", ReLU()),
            ("dropout", Dropout(dropout)),
            ("dense2", Linear(hidden, classes)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _layers.forward(input);

    /// <summary>The trained parameters as a plain C# head (batch norm with its running statistics), for inference without TorchSharp.</summary>
    public ClassifierHead ToClassifierHead()
    {
        var state = state_dict();
        float[] Values(string suffix) => state.Single(kv => kv.Key.EndsWith(suffix, StringComparison.Ordinal)).Value.data<float>().ToArray();
        var norm = (ScalarSafeBatchNorm)_layers.named_children().Single(c => c.name == "norm").module;
        return ClassifierHead.FromParameters(
            Values("dense1.weight"), Values("dense1.bias"),
            Values("norm.weight"), Values("norm.bias"), Values("norm.running_mean"), Values("norm.running_var"), (float)norm.eps,
            Values("dense2.weight"), Values("dense2.bias"));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _layers.Dispose();
        }

        base.Dispose(disposing);
    }
}
