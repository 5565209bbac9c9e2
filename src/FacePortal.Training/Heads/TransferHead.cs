using TorchSharp;
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
            ("norm", BatchNorm1d(hidden)),
            ("relu", ReLU()),
            ("dropout", Dropout(dropout)),
            ("dense2", Linear(hidden, classes)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _layers.forward(input);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _layers.Dispose();
        }

        base.Dispose(disposing);
    }
}
