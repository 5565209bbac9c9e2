using static TorchSharp.torch;

namespace FacePortal.Training.Loop;

/// <summary>
/// What one kind of model brings to <see cref="TrainingLoop"/>: its network, how an epoch is cut
/// into batches, the loss of one batch and the validation figures. The loop owns everything else
/// (optimizer, callbacks, curves, cancellation), so every kind trains the same way.
/// </summary>
public interface ITrainingObjective
{
    nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>The rows of the training set each batch of the next epoch takes; called once per epoch.</summary>
    IEnumerable<long[]> Batches();

    /// <summary>
    /// The loss of one batch in training mode, inside the loop's dispose scope, or null when the
    /// batch teaches nothing (the loop then skips the optimizer step).
    /// </summary>
    BatchLoss? Loss(long[] rows);

    /// <summary>Validation loss and accuracy, in evaluation mode and without gradients.</summary>
    (double Loss, double Accuracy) Evaluate();
}

/// <summary>
/// One batch's loss and what it counts towards the epoch's train figures: the loss is averaged over
/// <paramref name="Weight"/> (rows, or 1 for a per-batch mean), the accuracy is
/// <paramref name="Hits"/> over <paramref name="Trials"/>.
/// </summary>
public readonly record struct BatchLoss(Tensor Loss, double Weight, long Hits, long Trials);
