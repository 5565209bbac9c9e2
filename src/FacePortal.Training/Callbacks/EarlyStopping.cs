namespace FacePortal.Training.Callbacks;

/// <summary>Stops training when the validation loss has not improved by <paramref name="minDelta"/> for <paramref name="patience"/> epochs.</summary>
public sealed class EarlyStopping(int patience, double minDelta = 1e-4)
{
    private double _best = double.PositiveInfinity;
    private int _waited;

    /// <summary>Records an epoch's validation loss; true when training should stop now.</summary>
    public bool ShouldStop(double validationLoss)
    {
        if (validationLoss < _best - minDelta)
        {
            _best = validationLoss;
            _waited = 0;
            return false;
        }

        return ++_waited >= patience;
    }
}
