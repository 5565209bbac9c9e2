namespace FacePortal.Training.Callbacks;

/// <summary>ModelCheckpoint(save_best_only): keeps the weights of the epoch with the lowest validation loss.</summary>
public sealed class BestCheckpoint
{
    public int BestEpoch { get; private set; } = -1;

    public double BestLoss { get; private set; } = double.PositiveInfinity;

    public byte[]? Weights { get; private set; }

    /// <summary>Offers an epoch; <paramref name="saveWeights"/> runs only when the epoch is the best so far.</summary>
    public bool Offer(int epoch, double validationLoss, Func<byte[]> saveWeights)
    {
        ArgumentNullException.ThrowIfNull(saveWeights);
        if (validationLoss >= BestLoss)
        {
            return false;
        }

        BestEpoch = epoch;
        BestLoss = validationLoss;
        Weights = saveWeights();
        return true;
    }
}
