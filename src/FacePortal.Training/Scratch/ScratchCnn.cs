using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace FacePortal.Training.Scratch;

/// <summary>
/// A small CNN trained from nothing on aligned face crops (56x56 here): four blocks of convolution,
/// batch norm, ReLU and pooling, then dropout and a dense layer. The baseline that shows what the
/// pretrained embedding network brings.
/// </summary>
public sealed class ScratchCnn : Module<Tensor, Tensor>
{
    public const int InputSize = 56;

    private readonly Sequential _layers;

    public ScratchCnn(int classes, double dropout)
        : base(nameof(ScratchCnn))
    {
        _layers = Sequential(
            ("conv1", Conv2d(3, 16, 3, padding: 1)), ("norm1", ScalarSafeBatchNorm.OverChannels(16)), ("relu1", ReLU()), ("pool1", MaxPool2d(2)),
            ("conv2", Conv2d(16, 32, 3, padding: 1)), ("norm2", ScalarSafeBatchNorm.OverChannels(32)), ("relu2", ReLU()), ("pool2", MaxPool2d(2)),
            ("conv3", Conv2d(32, 64, 3, padding: 1)), ("norm3", ScalarSafeBatchNorm.OverChannels(64)), ("relu3", ReLU()), ("pool3", MaxPool2d(2)),
            ("conv4", Conv2d(64, 128, 3, padding: 1)), ("norm4", ScalarSafeBatchNorm.OverChannels(128)), ("relu4", ReLU()), ("pool4", AdaptiveAvgPool2d(1)),
            ("flatten", Flatten()),
            ("dropout", Dropout(dropout)),
            ("dense", Linear(128, classes)));
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
