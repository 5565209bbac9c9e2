using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FacePortal.Training.Heads;

/// <summary>
/// Batch normalisation as TorchSharp's BatchNorm1d and BatchNorm2d compute it, with the same parameter and buffer names
/// (so checkpoints load either way), but counting its batches with a Scalar that stays alive through the call.
/// TorchSharp 0.107's forward counts with <c>num_batches_tracked.add_(1)</c>, two implicit Scalars that a garbage
/// collection on another thread can finalize while libtorch reads them (see <see cref="Loop.ParameterUpdate"/>).
/// </summary>
public sealed class ScalarSafeBatchNorm : BatchNorm
{
    private readonly int _spatialDimensions;

    private ScalarSafeBatchNorm(long features, int spatialDimensions)
        : base(features, 1e-5, 0.1, affine: true, track_running_stats: true, device: null, dtype: null, name: spatialDimensions == 0 ? "BatchNorm1d" : "BatchNorm2d")
    {
        _spatialDimensions = spatialDimensions;
    }

    /// <summary>Over [N, C] rows, as nn.BatchNorm1d.</summary>
    public static ScalarSafeBatchNorm OverFeatures(long features) => new(features, 0);

    /// <summary>Over [N, C, H, W] images, as nn.BatchNorm2d.</summary>
    public static ScalarSafeBatchNorm OverChannels(long channels) => new(channels, 2);

    public override Tensor forward(Tensor input)
    {
        ValidateInputDimensions(input);
        if (training && track_running_stats && num_batches_tracked is { } count)
        {
            using var one = 1L.ToScalar();
            count.add_(one, one);
        }

        // Batch statistics while training (or with no running ones); the running ones in evaluation, as PyTorch does.
        var useBatch = training || (running_mean is null && running_var is null);
        var track = !training || track_running_stats;
        return nn.functional.batch_norm(input, track ? running_mean : null, track ? running_var : null, weight, bias, useBatch, momentum ?? 0.1, eps);
    }

    protected override void ValidateInputDimensions(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var expected = _spatialDimensions + 2;
        if (input.ndim != expected)
        {
            throw new ArgumentException($"Expected a {expected}-dimensional input, got {input.ndim} dimensions.", nameof(input));
        }
    }
}
